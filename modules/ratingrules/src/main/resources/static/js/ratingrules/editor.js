// The DRL editor and read-only highlighting of rule pack files: CodeMirror 5's clike mode with DRL keywords.
(function () {
  function words(text) {
    var set = {};
    text.split(" ").forEach(function (w) { set[w] = true; });
    return set;
  }
  CodeMirror.defineMIME("text/x-drl", {
    name: "clike",
    keywords: words("rule when then end package import global query function declare not exists forall from " +
      "collect accumulate eval and or in matches memberOf contains salience no-loop dialect new this " +
      "modify insert update delete retract over window entry-point extends return if else"),
    types: words("MemberFacts OrganizationFacts Proposal Parameters Reason RatingScale Discipline String int double " +
      "boolean"),
    blockKeywords: words("when then"),
    atoms: words("true false null"),
    hooks: {
      "@": function (stream) { stream.eatWhile(/[\w\$_]/); return "meta"; }
    }
  });
  document.querySelectorAll("textarea[data-code]").forEach(function (area) {
    var editor = CodeMirror.fromTextArea(area, {
      mode: area.dataset.code === "drl" ? "text/x-drl" : "yaml",
      lineNumbers: true,
      matchBrackets: true,
      readOnly: area.hasAttribute("readonly"),
      viewportMargin: Infinity
    });
    // the editor's own input field carries the label of the text area it replaces
    var label = document.querySelector('label[for="' + area.id + '"]');
    if (label) {
      editor.getInputField().setAttribute("aria-label", label.textContent.trim());
    }
    area.form && area.form.addEventListener("submit", function () { editor.save(); });
    window.cadreEditor = editor;
  });
})();
