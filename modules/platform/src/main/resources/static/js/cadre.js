// Cadre's one shell script (the content security policy allows scripts from this site only, none inline).
// Tables become cards on a phone: every cell learns the heading of its column, which the stylesheet shows beside
// the value when the screen is narrow. Pages work without it; it only labels cells.
(function () {
  function label(table) {
    var heads = table.querySelectorAll('thead th');
    if (!heads.length) { return; }
    var names = Array.prototype.map.call(heads, function (th) { return th.textContent.trim(); });
    table.classList.add('cards-on-phone');
    Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (row) {
      var column = 0;
      Array.prototype.forEach.call(row.children, function (cell) {
        if (!cell.hasAttribute('data-label') && names[column]) { cell.setAttribute('data-label', names[column]); }
        column += cell.colSpan || 1;
      });
    });
  }
  function labelAll(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll('table'), label);
  }
  document.addEventListener('DOMContentLoaded', function () { labelAll(document); });
  document.addEventListener('htmx:afterSwap', function (event) { labelAll(event.target); });
})();
