/**
 * How the sheet names a tier outside "CẤP ĐÁNH GIÁ": in column names ("Điểm tối đa cấp xã") and
 * in "Cấp của nhóm", by the tier's phrase, its name or its id (docs/trang-tieu-chi.md).
 */
import { labelKey } from './vocabulary';

export interface TierNames {
  id: string;
  name?: string;
  phrase?: string;
}

export class TierRefs {
  private readonly byKey = new Map<string, Set<string>>();

  /** `declared` is false for a sheet of the first layout, which takes the 2018 rubric's tiers. */
  constructor(
    readonly tiers: TierNames[],
    readonly declared = true,
  ) {
    for (const t of tiers) {
      for (const word of [t.id, t.name, t.phrase]) {
        if (!word) continue;
        const key = labelKey(word);
        if (!this.byKey.has(key)) this.byKey.set(key, new Set());
        this.byKey.get(key)!.add(t.id);
      }
    }
  }

  /** The tier a text names: its id, null when none, 'ambiguous' when several. */
  resolve(text: string): string | null | 'ambiguous' {
    const ids = this.byKey.get(labelKey(text));
    if (!ids) return null;
    return ids.size === 1 ? [...ids][0] : 'ambiguous';
  }

  /** How the sheet writes a tier: its phrase, else its name, else its id — whichever reads back as it. */
  refOf(tier: TierNames): string {
    for (const word of [tier.phrase, tier.name]) if (word && this.resolve(word) === tier.id) return word;
    return tier.id;
  }

  /** The tiers in words, for messages: "cấp sở", "cấp xã". */
  list(): string {
    return this.tiers.map((t) => `"${this.refOf(t)}"`).join(', ');
  }

  /** Where the tiers come from, for messages. */
  describe(): string {
    return this.declared
      ? `các cấp khai báo ở phần "CẤP ĐÁNH GIÁ" là ${this.list()}`
      : `trang chưa có phần "CẤP ĐÁNH GIÁ" nên dùng ba cấp của bộ tiêu chí năm 2018 (${this.list()}); muốn dùng cấp khác thì thêm phần "CẤP ĐÁNH GIÁ"`;
  }
}
