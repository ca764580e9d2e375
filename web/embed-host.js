// Include this on a page that embeds playground slides: it resizes each playground
// iframe to the height its content reports ({type: "lm-playground:height", height}).
// Only messages from the iframes themselves are honoured.
(function () {
  'use strict';
  window.addEventListener('message', function (ev) {
    var d = ev.data;
    if (!d || d.type !== 'lm-playground:height' || typeof d.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === ev.source) {
        frames[i].style.height = Math.max(80, Math.min(20000, Math.ceil(d.height))) + 'px';
      }
    }
  });
})();
