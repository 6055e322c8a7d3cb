// Small helpers for the pages (no build step): confirmations, upload size check, scrolling to what changed.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var inputs = form.querySelectorAll("input[type=file][data-max]");
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i], max = parseInt(input.getAttribute("data-max"), 10);
      var file = input.files && input.files[0];
      var box = form.querySelector(".upload-error");
      if (file && file.size > max) {
        event.preventDefault();
        event.stopPropagation();
        if (box) {
          box.textContent = "Tệp “" + file.name + "” quá lớn (" + Math.round(file.size / 1048576) +
            " MB): chỉ nhận tệp đến " + Math.round(max / 1048576) + " MB. Hãy chọn đúng tệp văn bản.";
          box.hidden = false;
        }
        return;
      }
      if (box) { box.hidden = true; }
    }
    var busy = form.querySelector("[data-busy]");
    if (busy) { busy.hidden = false; }
  }, true);

  function focusChanged() {
    var form = document.querySelector("form[data-focus]");
    if (!form) { return; }
    var target = document.getElementById(form.getAttribute("data-focus"));
    if (target) {
      target.scrollIntoView({block: "center"});
      target.classList.add("flash");
    }
  }
  // A conflict (409) or a refused input (422) comes back as a page part with the message: show it.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 409 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    } else if (status >= 400) {
      // anything else (403, 413, 500 …): show the whole message page instead of a silent failure
      event.detail.shouldSwap = false;
      document.open();
      document.write(event.detail.xhr.responseText);
      document.close();
    }
  });
  document.addEventListener("htmx:sendError", function () {
    window.alert("Không kết nối được tới máy chủ: thay đổi vừa rồi chưa được lưu. Hãy kiểm tra mạng rồi thử lại.");
  });
  // Replacing the whole form must not move the page: keep the scroll position (unless a button asked to
  // show what it changed), and keep the keyboard where it was.
  var keep = null;
  document.addEventListener("htmx:beforeSwap", function () {
    var active = document.activeElement;
    keep = {y: window.scrollY, name: active && active.name ? active.name : null};
  });
  document.addEventListener("htmx:afterSwap", function () {
    if (keep) { window.scrollTo(0, keep.y); }
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (keep) {
      window.scrollTo(0, keep.y);
      var same = keep.name && document.querySelector("[name='" + keep.name.replace(/'/g, "\\'") + "']");
      if (same && document.activeElement === document.body) { same.focus({preventScroll: true}); }
    }
    keep = null;
    focusChanged();
  });
  // Slow pages (a preview renders and converts the whole document): say so while the browser waits.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-wait]");
    if (!link || event.defaultPrevented || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    var box = document.getElementById("wait") || document.createElement("div");
    box.id = "wait";
    box.setAttribute("role", "status");
    box.textContent = link.getAttribute("data-wait");
    document.body.appendChild(box);
  });
  window.addEventListener("pageshow", function () {  // back from the preview: no stale message
    var box = document.getElementById("wait");
    if (box) { box.remove(); }
  });
  // Preview pages: each page shows "Đang tạo hình …" until its image has arrived (pages far down are only
  // asked for when scrolled to).
  function pageImage(event, ok) {
    var img = event.target;
    if (!img || img.tagName !== "IMG" || !img.closest(".pages")) { return; }
    var figure = img.closest("figure");
    figure.classList.remove("loading");
    if (ok) {
      img.removeAttribute("height");
    } else {
      figure.classList.add("failed");
      figure.querySelector(".wait-text").textContent = "Chưa tạo được hình trang này; hãy tải lại trang.";
    }
  }
  document.addEventListener("load", function (event) { pageImage(event, true); }, true);
  document.addEventListener("error", function (event) { pageImage(event, false); }, true);
  document.addEventListener("DOMContentLoaded", function () {
    if (location.hash) {
      var el = document.getElementById(location.hash.slice(1).replace(/^f-/, "n-"));
      if (el) { el.scrollIntoView({block: "center"}); el.classList.add("flash"); }
    }
  });
})();
