// The report page: after every save, show what the program computed from the saved figures and statuses
// (Biểu mẫu sums and ratios, rows counted from the tasks, automatic notes, check messages, the progress
// sentence). Only these read-only texts change: no box is ever redrawn (editor.js does the saving).
(function () {
  "use strict";
  var form = document.querySelector("form#report[data-save]");
  if (!form) { return; }
  function each(selector, fn) { form.querySelectorAll(selector).forEach(fn); }
  form.addEventListener("cchc:saved", function (event) {
    var data = event.detail || {};
    var forms = data.forms;
    if (forms && forms.cells) {
      each("[data-cell]", function (el) {
        var key = el.getAttribute("data-cell");
        if (key in forms.cells && el.textContent !== forms.cells[key]) {
          el.textContent = forms.cells[key];
          el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash");
        }
      });
      each("[data-auto-note]", function (el) { el.textContent = forms.notes[el.getAttribute("data-auto-note")] || ""; });
      each("[data-msgs]", function (box) {
        var messages = forms.rows[box.getAttribute("data-msgs")] || [];
        box.textContent = "";
        messages.forEach(function (text) {
          var line = document.createElement("p");
          line.className = "error";
          line.setAttribute("role", "alert");
          line.textContent = text;
          box.appendChild(line);
        });
      });
    }
    if (typeof data.sentence === "string") {
      each(".live-sentence", function (el) {
        el.textContent = data.sentence || "chưa tính được (báo cáo chưa có nhiệm vụ, hoặc còn lỗi cần sửa).";
      });
    }
  });
})();
