// Live updates for pages that work without it: on each change signal, fetch the page again and
// replace its [data-live] regions. Forms outside those regions keep their focus and input.
(function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
  var url = document.body.getAttribute('data-live-url');
  if (!url || !window.EventSource || !window.fetch || !window.DOMParser) return;
  var timer;
  function refresh() {
    fetch(location.href, { headers: { accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('[data-live]').forEach(function (region) {
          var next = fresh.querySelector('[data-live="' + region.getAttribute('data-live') + '"]');
          // A region someone is working in (focus inside) waits for the next change.
          if (region.contains(document.activeElement) && document.activeElement !== document.body) return;
          if (next && next.innerHTML !== region.innerHTML) region.innerHTML = next.innerHTML;
        });
      })
      .catch(function () {});
  }
  var source = new EventSource(url);
  source.addEventListener('changed', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 200);
  });
  // After a lost connection the browser reconnects by itself; catch up on what happened meanwhile.
  source.addEventListener('ready', function () { refresh(); });
})();
