// Searchable organization pickers: a search field (data-filter-for="<select id>") hides the options of its select
// that do not contain what is typed, ignoring case and diacritics (đ as d). The select stays the field that is
// sent; without scripts it is a plain select, every option shown.
(function () {
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
      .toLowerCase().replace(/\s+/g, ' ').trim();
  }
  function wire(input) {
    var select = document.getElementById(input.getAttribute('data-filter-for'));
    if (!select) {
      return;
    }
    input.hidden = false;
    var texts = Array.prototype.map.call(select.options, function (option) { return fold(option.text); });
    input.addEventListener('input', function () {
      var typed = fold(input.value);
      var shown = 0;
      var only = null;
      Array.prototype.forEach.call(select.options, function (option, i) {
        var match = option.value === '' || typed === '' || texts[i].indexOf(typed) >= 0;
        option.hidden = !match;
        option.disabled = !match && option.value !== '';
        if (match && option.value !== '') {
          shown++;
          only = option;
        }
      });
      if (select.selectedOptions.length && select.selectedOptions[0].hidden) {
        select.value = '';
      }
      // one match left: choose it, so the user sees what will be sent
      if (shown === 1 && only) {
        select.value = only.value;
      }
    });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('input[data-filter-for]'), wire);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
