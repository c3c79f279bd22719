/*
 * The notice dialog's whole behaviour, inlined into notice.html: the title, the message, an
 * optional technical detail and the Close label come in the page's address and are set as text,
 * never as markup; Close tells the opener. Written in ES5, like the boot script, so that the
 * dialog also opens on the old webviews the boot script warns about.
 */
(function () {
  function param(name) {
    var query = window.location.search.replace(/^\?/, '').split('&');
    for (var i = 0; i < query.length; i++) {
      var eq = query[i].indexOf('=');
      var key = decodeURIComponent((eq < 0 ? query[i] : query[i].slice(0, eq)).replace(/\+/g, ' '));
      if (key === name) return eq < 0 ? '' : decodeURIComponent(query[i].slice(eq + 1).replace(/\+/g, ' '));
    }
    return null;
  }

  function show() {
    var lang = param('lang');
    if (lang) document.documentElement.setAttribute('lang', lang);
    document.getElementById('title').appendChild(document.createTextNode(param('title') || 'Chấm điểm CQĐT'));
    document.getElementById('message').appendChild(document.createTextNode(param('message') || ''));
    var detail = param('detail');
    if (detail) {
      var box = document.getElementById('detail');
      box.removeAttribute('hidden');
      document.getElementById('detail-title').appendChild(document.createTextNode(param('detailTitle') || 'Chi tiết kỹ thuật'));
      document.getElementById('detail-text').appendChild(document.createTextNode(detail));
    }
    var close = document.getElementById('close');
    close.appendChild(document.createTextNode(param('close') || 'Đóng'));
    close.onclick = function () {
      if (window.Office && window.Office.context && window.Office.context.ui) window.Office.context.ui.messageParent('close');
    };
    close.focus();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', show);
  } else {
    show();
  }
  if (window.Office && window.Office.onReady) window.Office.onReady(function () {});
})();
