// The school-absence notice shows only while school absence is one of the chosen reasons.
// Without JavaScript it is always shown, which is safe: it is a reminder, not an error.
(function () {
  "use strict";
  var notice = document.getElementById("school-absence-notice");
  if (!notice) {
    return;
  }
  var code = notice.getAttribute("data-reason");
  var form = notice.closest("form");

  function chosen() {
    var primary = form.querySelector("select[name=primary_reason]");
    if (primary && primary.value === code) {
      return true;
    }
    var other = form.querySelector("input[name=other_reasons][value=" + code + "]");
    return Boolean(other && other.checked);
  }

  function update() {
    notice.hidden = !chosen();
  }

  form.addEventListener("change", update);
  update();
})();
