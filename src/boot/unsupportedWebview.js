/*
 * Inlined at the top of taskpane.html and commands.html, before anything else runs: written in
 * ES5 so that Internet Explorer and the old Edge (Trident, EdgeHTML), which some Office versions
 * still use for add-ins, can run it. The add-in itself needs a modern webview (ES2020: BigInt,
 * optional chaining, async functions). Where that is missing, this says so in words, in
 * Vietnamese and English, instead of a blank pane — and makes the ribbon's Score button say it
 * in a small dialog instead of doing nothing (docs/trien-khai.md, "Phiên bản Office").
 */
(function () {
  var supported = false;
  try {
    supported =
      typeof BigInt === 'function' &&
      typeof Promise === 'function' &&
      typeof Function('return (async function () { var o = { a: 1 }; return o?.a ?? 0; })()')() === 'object';
  } catch (e) {
    supported = false;
  }
  if (supported) return;

  var TITLE_VI = 'Chấm điểm CQĐT cần Excel mới hơn';
  var TEXT_VI =
    'Phiên bản Excel này chạy add-in bằng trình duyệt nhúng cũ (Internet Explorer hoặc Edge đời cũ) nên không chạy được ngăn chấm điểm. ' +
    'Hãy dùng Microsoft 365, Office 2021 trở lên, Excel trên web hoặc Excel cho Mac. ' +
    'Nếu máy đã có Microsoft 365, hãy nhờ bộ phận CNTT cập nhật Office và cài Microsoft Edge WebView2.';
  var TEXT_EN =
    'CQĐT Scorecard needs a newer Excel: Microsoft 365, Office 2021 or later, Excel on the web or Excel for Mac. ' +
    'This Excel runs add-ins in an old embedded browser (Internet Explorer or the old Edge).';
  var SCORE_FUNCTION = 'scoreActiveSheet';

  document.documentElement.className += ' cqdt-unsupported';

  function paragraph(parent, tag, text, lang) {
    var el = document.createElement(tag);
    el.appendChild(document.createTextNode(text));
    if (lang) el.setAttribute('lang', lang);
    parent.appendChild(el);
    return el;
  }

  function show() {
    var root = document.getElementById('root');
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = document.createElement('main');
    box.className = 'unsupported';
    box.setAttribute('role', 'alert');
    paragraph(box, 'h1', TITLE_VI);
    paragraph(box, 'p', TEXT_VI);
    paragraph(box, 'p', TEXT_EN, 'en');
    root.appendChild(box);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', show);
  } else {
    show();
  }

  /** The ribbon's Score on such a webview: the same words in a dialog, then done. */
  function scoreUnsupported(event) {
    var done = function () {
      if (event && event.completed) event.completed();
    };
    try {
      var base = window.location.href.replace(/[?#].*$/, '').replace(/[^\/]*$/, '');
      var url =
        base +
        'notice.html?title=' +
        encodeURIComponent(TITLE_VI) +
        '&message=' +
        encodeURIComponent(TEXT_VI + '\n\n' + TEXT_EN) +
        '&close=' +
        encodeURIComponent('Đóng / Close');
      Office.context.ui.displayDialogAsync(url, { height: 40, width: 40, displayInIframe: true }, function (result) {
        if (result.status !== 'succeeded') return done();
        var dialog = result.value;
        var close = function () {
          try {
            dialog.close();
          } catch (e) {
            // Already closed.
          }
          done();
        };
        dialog.addEventHandler('dialogMessageReceived', close);
        dialog.addEventHandler('dialogEventReceived', close);
      });
    } catch (e) {
      done();
    }
  }

  window[SCORE_FUNCTION] = scoreUnsupported;
  window.addEventListener('load', function () {
    if (window.Office && window.Office.onReady) {
      window.Office.onReady(function () {
        if (window.Office.actions && window.Office.actions.associate) {
          window.Office.actions.associate(SCORE_FUNCTION, scoreUnsupported);
        }
      });
    }
  });
})();
