// The editor saves one field at a time and never loses typed text.
// - Each change is sent alone with the text the field had before (its "base") and the file version; the
//   server merges it with other people's changes to other fields, or answers a conflict with both texts.
// - Nothing the user is typing in is ever replaced; the page is never redrawn by a save.
// - Every change is kept in localStorage until the server confirms it: closing the tab, a crash, a lost
//   session or network keep it, and the page puts it back (and saves it) when opened again.
// - An expired session opens a sign-in box on the page; after signing in the waiting changes are saved.
(function () {
  "use strict";
  var form = document.querySelector("form[data-save]");
  if (!form || !form.getAttribute("data-save")) { return; }
  var rel = form.getAttribute("data-rel");
  var KEY = "cchc-unsaved:" + rel;
  var csrf = form.querySelector("input[name=csrf]").value;
  var version = form.querySelector("input[name=version]").value;
  var stateBox = form.querySelector(".state");
  var base = {};          // field name -> its text as the file has it (last known)
  var waiting = [];       // field names to save, in order
  var timers = {};
  var inConflict = {};
  var refusedNames = {};  // boxes whose text the server refused (not a number …), until they are changed
  var busy = false, signedOut = false, offline = false;
  var DELAY = 700;        // ms after the last key press

  function isField(el) { return el && el.name && el.name.indexOf(":") > 0 && el.form === form; }
  function fields() { return form.querySelectorAll("input[name*=':'], textarea[name*=':'], select[name*=':']"); }
  function byName(name) { return form.querySelector("[name=\"" + CSS.escape(name) + "\"]"); }
  function say(text, bad) {
    if (!stateBox) { return; }
    stateBox.textContent = text;
    stateBox.classList.toggle("bad", !!bad);
  }
  function kept() { try { return JSON.parse(localStorage.getItem(KEY) || "{}"); } catch (e) { return {}; } }
  function keep(map) {
    try {
      if (Object.keys(map).length) { localStorage.setItem(KEY, JSON.stringify(map)); } else { localStorage.removeItem(KEY); }
    } catch (e) { /* storage full or blocked: the save itself still goes on */ }
  }
  function remember(name, value) { var map = kept(); map[name] = {value: value, base: base[name]}; keep(map); }
  function forget(name, value) {
    var map = kept();
    if (map[name] && map[name].value === value) { delete map[name]; keep(map); }
  }
  function pending() { return waiting.length > 0 || busy || Object.keys(timers).length > 0; }

  // The page shows what the file holds: undo the browser's own "restore typed text" on reload.
  fields().forEach(function (el) {
    if (el.tagName === "SELECT") {
      for (var i = 0; i < el.options.length; i++) { el.options[i].selected = el.options[i].defaultSelected; }
    } else {
      el.value = el.defaultValue;
    }
    base[el.name] = el.value;
  });
  // Changes that never reached the file (a closed tab, a lost session): put them back and save them.
  var restored = 0, saved = kept();
  Object.keys(saved).forEach(function (name) {
    var el = byName(name), entry = saved[name];
    if (!el || typeof entry.value !== "string") { return; }
    if (el.value === entry.value) { forget(name, entry.value); return; }
    el.value = entry.value;
    if (typeof entry.base === "string") { base[name] = entry.base; }
    el.classList.add("unsaved");
    reveal(el);
    restored++;
    queue(name);
  });
  if (restored) { say("Đang lưu lại " + restored + " thay đổi chưa kịp lưu lần trước…"); } else { say("Đã lưu."); }

  function queue(name) {
    if (inConflict[name]) { return; }
    if (waiting.indexOf(name) < 0) { waiting.push(name); }
    pump();
  }
  function later(name) {
    clearTimeout(timers[name]);
    timers[name] = setTimeout(function () { delete timers[name]; queue(name); }, DELAY);
  }
  function now(name) { clearTimeout(timers[name]); delete timers[name]; queue(name); }

  form.addEventListener("input", function (event) {
    var el = event.target;
    if (!isField(el)) { return; }
    el.classList.add("unsaved");
    remember(el.name, el.value);
    say("Chưa lưu…");
    later(el.name);
  });
  form.addEventListener("change", function (event) { if (isField(event.target)) { now(event.target.name); } });
  form.addEventListener("focusout", function (event) {
    if (isField(event.target) && timers[event.target.name]) { now(event.target.name); }
  });

  function post(url, data) {
    var body = new URLSearchParams();
    body.set("csrf", csrf);
    Object.keys(data).forEach(function (k) { body.set(k, data[k]); });
    return fetch(url, {method: "POST", body: body, credentials: "same-origin", cache: "no-store",
                       headers: {"Accept": "application/json"}});
  }
  function reply(response) {
    return response.json().catch(function () { return {message: "Máy chủ trả lời không đúng dạng."}; })
      .then(function (data) { data.httpStatus = response.status; return data; });
  }

  function pump() {
    if (busy || signedOut || offline || !waiting.length) {
      if (!pending() && !signedOut && !offline && !Object.keys(inConflict).length) {
        if (Object.keys(refusedNames).length) {
          say("Có ô chưa lưu được: xem lời nhắn màu đỏ ngay dưới ô đó.", true);
        } else { doneAll(); }
      }
      return;
    }
    var name = waiting.shift(), el = byName(name);
    if (!el) { pump(); return; }
    var value = el.value;
    busy = true;
    say("Đang lưu…");
    post(form.getAttribute("data-save"), {name: name, value: value, base: base[name], version: version})
      .then(reply)
      .then(function (data) { busy = false; answer(name, value, data); })
      .catch(function () {
        busy = false;
        offline = true;
        if (waiting.indexOf(name) < 0) { waiting.unshift(name); }
        say("Mất kết nối tới máy chủ: thay đổi vẫn được giữ trên máy này, sẽ tự lưu khi có kết nối.", true);
        setTimeout(function () { offline = false; pump(); }, 3000);
      });
  }

  function answer(name, value, data) {
    var el = byName(name);
    if (data.httpStatus === 401) {
      waiting.unshift(name);
      signIn();
      return;
    }
    if (data.httpStatus === 403 && data.csrf) {
      waiting.unshift(name);
      fetch("/session/token", {credentials: "same-origin", cache: "no-store"}).then(reply).then(function (t) {
        if (t.csrf) { csrf = t.csrf; pump(); } else { signIn(); }
      });
      return;
    }
    if (data.version) { version = data.version; }
    if (data.problems) { showProblems(data.problems); }
    if (data.status === "conflict") {
      conflict(name, data.theirs);
    } else if (data.invalid) {
      // the text cannot be stored (a figure that is not a number): say so at the box, keep the text there
      refused(el, data.message);
      if (el) { forget(name, kept()[name] ? kept()[name].value : ""); }
    } else if (data.httpStatus >= 400) {
      say(data.message || "Chưa lưu được thay đổi.", true);
    } else {
      refused(el, "");
      base[name] = data.value;
      if (el && el.value === value) {
        forget(name, value);
        el.classList.remove("unsaved");
      } else if (el) {
        base[name] = data.value;
        remember(name, el.value);
        later(name);   // more was typed while this save was on its way
      }
      if (data.status === "merged") { refresh(); }
    }
    form.dispatchEvent(new CustomEvent("cchc:saved", {detail: data}));
    pump();
  }

  // A message at the box whose text was refused ("" removes it).
  function refused(el, message) {
    if (!el) { return; }
    if (message) { refusedNames[el.name] = true; } else { delete refusedNames[el.name]; }
    var holder = el.closest(".field, td, .cell") || el.parentNode;
    var old = holder.querySelector(".error.refused");
    if (old) { old.remove(); }
    holder.classList.toggle("has-error", !!message);
    if (!message) { return; }
    var line = document.createElement("p");
    line.className = "error refused";
    line.setAttribute("role", "alert");
    line.textContent = message;
    el.insertAdjacentElement("afterend", line);
  }

  function doneAll() {
    var t = new Date();
    say("Đã lưu lúc " + t.toLocaleTimeString("vi-VN") + ".");
  }

  // Someone else changed the same field meanwhile: show both texts, let the user choose.
  function conflict(name, theirs) {
    var el = byName(name);
    if (!el) { return; }
    inConflict[name] = true;
    var holder = el.closest(".field, td, .cell") || el.parentNode;
    var old = holder.querySelector(".conflict");
    if (old) { old.remove(); }
    var box = document.createElement("div");
    box.className = "conflict";
    box.setAttribute("role", "alert");
    var head = document.createElement("strong");
    head.textContent = "Ô này vừa được sửa ở nơi khác trong lúc bạn đang sửa. Chưa lưu bản của bạn; hãy chọn giữ bản nào.";
    var p1 = document.createElement("p"); p1.textContent = "Bản đang có trong văn bản:";
    var q1 = document.createElement("blockquote"); q1.className = "theirs"; q1.textContent = theirs;
    var p2 = document.createElement("p"); p2.textContent = "Bản của bạn (vẫn ở trong ô, chưa lưu):";
    var q2 = document.createElement("blockquote"); q2.className = "mine"; q2.textContent = el.value;
    var mine = document.createElement("button"); mine.type = "button"; mine.textContent = "Giữ bản của tôi";
    var other = document.createElement("button"); other.type = "button"; other.textContent = "Dùng bản trong văn bản";
    mine.addEventListener("click", function () {
      delete inConflict[name]; base[name] = theirs; box.remove(); queue(name);
    });
    other.addEventListener("click", function () {
      delete inConflict[name]; el.value = theirs; base[name] = theirs; forget(name, kept()[name] ? kept()[name].value : "");
      el.classList.remove("unsaved"); box.remove(); pump();
    });
    box.append(head, p1, q1, p2, q2, mine, " ", other);
    holder.appendChild(box);
    reveal(el);
    say("Có một ô bị trùng sửa với người khác: hãy chọn bản cần giữ.", true);
  }

  // Texts changed elsewhere: update the fields the user is not touching.
  function refresh() {
    var names = [];
    fields().forEach(function (el) { names.push(el.name); });
    post(form.getAttribute("data-values"), {names: names.join("\n")}).then(reply).then(function (data) {
      if (!data.values) { return; }
      var mine = kept();
      Object.keys(data.values).forEach(function (name) {
        var el = byName(name), value = data.values[name];
        if (!el || el === document.activeElement || mine[name] || timers[name] || inConflict[name] ||
            waiting.indexOf(name) >= 0) { return; }
        if (el.value === base[name] && el.value !== value) { el.value = value; }
        if (el.value === value) { base[name] = value; }
      });
    });
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && !pending()) { refresh(); }
  });

  // Messages about the document next to the fields they concern, and the list at the top.
  function showProblems(problems) {
    form.querySelectorAll(".error.live, .error[data-path]").forEach(function (p) { p.remove(); });
    form.querySelectorAll(".has-error").forEach(function (d) { d.classList.remove("has-error"); });
    var box = document.getElementById("problems");
    var list = box ? box.querySelector("ul") : null;
    if (list) { list.textContent = ""; }
    problems.forEach(function (p) {
      var target = place(p.path);
      var line = document.createElement("p");
      line.className = "error live";
      line.setAttribute("role", "alert");
      line.textContent = p.message;
      if (target) { target.appendChild(line); target.classList.add("has-error"); }
      if (list) {
        var li = document.createElement("li");
        li.textContent = p.message;
        if (target && target.id) {
          var a = document.createElement("a"); a.href = "#" + target.id; a.textContent = " (đến chỗ này)";
          li.appendChild(a);
        }
        list.appendChild(li);
      }
    });
    if (box) {
      box.hidden = problems.length === 0;
      var count = box.querySelector(".count");
      if (count) { count.textContent = String(problems.length); }
    }
  }
  function place(path) {
    var parts = path ? path.split(".") : [];
    while (parts.length) {
      var key = parts.join(".");
      var el = document.getElementById("n-" + key) || document.getElementById("f-" + key);
      if (el) { return el.id.indexOf("f-") === 0 ? (el.closest(".field, td, .cell") || el.parentNode) : el; }
      parts.pop();
    }
    return null;
  }

  // Open the folded parts holding an element so it can be seen.
  function reveal(el) {
    for (var d = el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) { d.open = true; }
  }
  function show(el) {
    reveal(el);
    el.scrollIntoView({block: "start"});
    el.classList.add("flash");
  }
  // Outline links and "go to this place" links open the folded part they point to.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var id = link.getAttribute("href").slice(1);
    var el = id.indexOf("p-") === 0 ? place(id.slice(2)) : document.getElementById(id);
    if (!el) { return; }
    event.preventDefault();
    show(el);
    var input = el.matches("input, textarea, select") ? el : null;
    if (input) { input.focus({preventScroll: true}); }
    history.replaceState(null, "", "#" + (el.id || id));
  });
  // On a narrow screen the outline starts folded (one line); it opens with a tap.
  var outline = document.querySelector("nav.outline details");
  if (outline && window.matchMedia("(max-width: 900px)").matches) { outline.open = false; }
  if (location.hash) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) { show(target); }
  }

  // Structure buttons (add, move, remove): wait for every typed change to be saved, then run it.
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button[name=op]");
    if (!button || event.defaultPrevented) { return; }
    event.preventDefault();
    var op = button.value;
    say("Đang lưu các thay đổi trước…");
    Object.keys(timers).forEach(now);
    whenSaved(function () {
      say("Đang thực hiện…");
      post(form.getAttribute("data-op"), {op: op, version: version}).then(reply).then(function (data) {
        if (data.httpStatus === 401) { signIn(); return; }
        if (data.url) { location.assign(data.url); return; }
        say(data.message || "Chưa làm được thao tác này.", true);
      });
    });
  });
  function whenSaved(then) {
    if (!pending()) { then(); return; }
    setTimeout(function () { whenSaved(then); }, 100);
  }
  // Enter in a box or the "Lưu" button: save now (never send the whole form).
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    Object.keys(timers).forEach(now);
    fields().forEach(function (el) { if (el.value !== base[el.name] && !inConflict[el.name]) { queue(el.name); } });
    pump();
  });
  window.addEventListener("beforeunload", function (event) {
    if (pending()) { event.preventDefault(); event.returnValue = ""; }
  });
  window.addEventListener("pagehide", function () {
    // what is still waiting goes out now; it also stays in localStorage until a later page confirms it
    var map = kept();
    Object.keys(map).forEach(function (name) {
      if (inConflict[name] || !navigator.sendBeacon) { return; }
      var data = new FormData();
      data.set("csrf", csrf); data.set("name", name); data.set("value", map[name].value);
      data.set("base", map[name].base || ""); data.set("version", version);
      navigator.sendBeacon(form.getAttribute("data-save"), data);
    });
  });

  // Signing in again without leaving the page.
  function signIn() {
    if (signedOut) { return; }
    signedOut = true;
    say("Phiên làm việc đã hết hạn: thay đổi của bạn vẫn được giữ trên máy này.", true);
    var dialog = document.getElementById("signin");
    if (!dialog) { return; }
    dialog.querySelector(".error").hidden = true;
    if (dialog.showModal) { dialog.showModal(); } else { dialog.setAttribute("open", ""); }
    dialog.querySelector("input[name=username]").focus();
  }
  var signinForm = document.querySelector("#signin form");
  if (signinForm) {
    signinForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var dialog = document.getElementById("signin"), error = dialog.querySelector(".error");
      fetch("/login", {credentials: "same-origin", cache: "no-store"}).then(function (r) { return r.text(); })
        .then(function (html) {
          var token = new DOMParser().parseFromString(html, "text/html").querySelector("input[name=csrf]");
          var body = new URLSearchParams();
          body.set("csrf", token ? token.value : "");
          body.set("username", signinForm.querySelector("input[name=username]").value);
          body.set("password", signinForm.querySelector("input[name=password]").value);
          body.set("next", "/session/token");
          return fetch("/login", {method: "POST", body: body, credentials: "same-origin", cache: "no-store"});
        })
        .then(function (r) {
          if (r.ok && r.url.indexOf("/session/token") >= 0) { return r.json(); }
          return r.text().then(function (html) {
            var msg = new DOMParser().parseFromString(html, "text/html").querySelector("[role=alert], .alert, .error");
            throw new Error(msg ? msg.textContent : "Chưa đăng nhập được. Hãy thử lại.");
          });
        })
        .then(function (data) {
          csrf = data.csrf;
          signinForm.querySelector("input[name=password]").value = "";
          if (dialog.close) { dialog.close(); } else { dialog.removeAttribute("open"); }
          signedOut = false;
          say("Đã đăng nhập lại: đang lưu các thay đổi…");
          pump();
        })
        .catch(function (e) { error.textContent = e.message; error.hidden = false; });
    });
  }
})();
