/** Where the page loads its one script from (same origin, as the CSP allows nothing else). */
export const SCRIPT_PATH = '/dashboard.js';

/**
 * Live refresh: every two seconds, while the tab is visible and "live" is
 * ticked, fetch the page again and swap its <main>, keeping the calls a
 * person opened open. It never refreshes while a form field has focus, so
 * a signal being typed is not lost. Plain ES2017, no libraries.
 */
export const DASHBOARD_SCRIPT = `(function () {
  'use strict';
  var live = document.getElementById('live');
  if (live) live.checked = sessionStorage.getItem('tsflow-live') !== 'off';
  if (live) live.addEventListener('change', function () { sessionStorage.setItem('tsflow-live', live.checked ? 'on' : 'off'); });
  function busy() {
    var el = document.activeElement;
    return el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && el.id !== 'live';
  }
  async function refresh() {
    if (!live || !live.checked || document.visibilityState !== 'visible' || busy()) return;
    var res = await fetch(location.href, { headers: { accept: 'text/html' }, cache: 'no-store' });
    if (!res.ok) return;
    var next = new DOMParser().parseFromString(await res.text(), 'text/html').querySelector('main');
    var main = document.querySelector('main');
    if (!next || !main || busy()) return;
    var open = Array.prototype.map.call(main.querySelectorAll('details[open][id]'), function (d) { return d.id; });
    main.innerHTML = next.innerHTML;
    open.forEach(function (id) { var d = document.getElementById(id); if (d) d.open = true; });
    document.body.dataset.refreshed = String(Date.now());
  }
  setInterval(function () { refresh().catch(function () {}); }, 2000);
})();
`;
