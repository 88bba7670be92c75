// Docker na prática: the class. On a learner's workbench: joining a class from the index and
// "Seguir o instrutor" on a lesson. On the hub: the instructor's live view and the presenter.
// As in app.js, everything a learner or the engine wrote reaches the page through textContent.
(function () {
  "use strict";

  const TEXTS = JSON.parse(document.getElementById("wb-texts").textContent);
  const LANG = document.documentElement.lang || "pt-BR";
  function t(key) {
    const args = Array.prototype.slice.call(arguments, 1);
    const text = TEXTS[key] !== undefined ? TEXTS[key] : TEXTS["js_" + key];
    return (text === undefined ? key : text).replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : args[i]));
  }
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function clock(iso) {
    return iso ? new Date(iso).toLocaleTimeString(LANG) : t("ins_never");
  }
  function getJson(path) {
    return fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)));
  }
  function postJson(path, body) {
    return fetch(path, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body) }).then((r) => r.json().then((json) => (r.ok ? json : Promise.reject(json.error || r.status))));
  }

  const page = document.body.dataset.page;
  if (page === "instructor") instructor();
  else if (page === "presenter") presenter();
  else learner();

  // ---------- a learner's workbench ----------
  function learner() {
    const lessonId = document.body.dataset.lesson;
    const joinBox = document.getElementById("join-class");
    const follow = document.getElementById("follow");
    if (!joinBox && !follow) return;
    getJson("/api/class/membership").then((status) => {
      if (joinBox) showMembership(joinBox, status);
      if (follow && status.joined) following(follow, lessonId);
    }).catch(() => {}); // a site that is not in a class has no such route: nothing to show
  }

  function showMembership(box, status) {
    box.hidden = false;
    const state = document.getElementById("join-state");
    const form = document.getElementById("join-form");
    if (status.joined) {
      let said = t("join_in", status.className, status.name);
      if (status.pending > 0) said += " " + t("join_pending", status.pending);
      if (status.problem) said += " " + t("join_problem");
      state.textContent = said;
      form.hidden = true;
      return;
    }
    state.textContent = "";
    form.hidden = false;
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const error = document.getElementById("join-error");
      error.hidden = true;
      postJson("/api/class/membership", {
        hub: document.getElementById("join-hub").value,
        code: document.getElementById("join-code").value,
        name: document.getElementById("join-name").value,
      }).then((joined) => showMembership(box, joined)).catch((message) => {
        error.textContent = String(message);
        error.hidden = false;
      });
    }, { once: false });
  }

  function following(label, lessonId) {
    label.hidden = false;
    const toggle = document.getElementById("follow-toggle");
    toggle.checked = localStorage.getItem("wb-follow") === "1";
    let timer = null;
    const status = document.getElementById("announcer");
    function poll() {
      getJson("/api/class/follow").then((where) => {
        if (!toggle.checked || !where.lesson) return;
        if (where.lesson !== lessonId) {
          location.href = "/lessons/" + encodeURIComponent(where.lesson) + (where.step ? "#step-" + encodeURIComponent(where.step) : "");
          return;
        }
        const card = where.step && document.getElementById("step-" + where.step);
        if (!card || card.classList.contains("presenting")) return;
        document.querySelectorAll(".step.presenting").forEach((c) => c.classList.remove("presenting"));
        card.classList.add("presenting");
        card.setAttribute("data-presenting", t("follow_here"));
        card.scrollIntoView({ behavior: "smooth", block: "start" });
        if (status) status.textContent = t("follow_here") + ": " + card.querySelector(".step-title").textContent;
      }).catch(() => {});
    }
    function apply() {
      localStorage.setItem("wb-follow", toggle.checked ? "1" : "0");
      clearInterval(timer);
      if (toggle.checked) {
        if (status) status.textContent = t("follow_on");
        poll();
        timer = setInterval(poll, 1500);
      } else {
        document.querySelectorAll(".step.presenting").forEach((c) => c.classList.remove("presenting"));
      }
    }
    toggle.addEventListener("change", apply);
    apply();
  }

  // ---------- the instructor's view ----------
  function instructor() {
    const state = document.getElementById("live-state");
    let shown = null; // the learner whose timeline is open
    let pending = null;

    document.getElementById("present-form").addEventListener("submit", (e) => {
      e.preventDefault();
      location.href = "/apresentar/" + encodeURIComponent(document.getElementById("present-lesson").value);
    });

    function refresh() {
      pending = null;
      Promise.all([getJson("/api/class/roster"), getJson("/api/class/stuck")]).then(([roster, stuck]) => {
        renderRoster(roster);
        renderStuck(stuck);
        if (shown) openTimeline(shown, false);
        state.textContent = t("ins_live", new Date().toLocaleTimeString(LANG));
      }).catch(() => { state.textContent = t("ins_offline"); });
    }
    function soon() {
      if (!pending) pending = setTimeout(refresh, 300);
    }

    function renderRoster(roster) {
      const rows = document.getElementById("roster-rows");
      document.getElementById("roster-empty").hidden = roster.learners.length > 0;
      // a live redraw must not take the keyboard focus away from the button it was on
      const focused = rows.contains(document.activeElement) ? document.activeElement.dataset.learner : null;
      rows.replaceChildren(...roster.learners.map((learner) => {
        const row = el("tr");
        const name = el("th", null, learner.name);
        name.scope = "row";
        row.append(name);
        const online = el("td");
        online.append(el("span", "chip " + (learner.online ? "chip-ok" : "chip-away"), t(learner.online ? "ins_online" : "ins_away")));
        row.append(online);
        row.append(el("td", null, learner.lesson ? t("ins_where", learner.lesson, learner.step) : t("ins_nowhere")));
        let done = 0;
        let total = 0;
        Object.values(learner.lessons).forEach((steps) => Object.values(steps).forEach((s) => { total++; if (s === "passed") done++; }));
        row.append(el("td", null, t("ins_passed_of", done, total)));
        row.append(el("td", null, clock(learner.lastActivity)));
        const cell = el("td");
        const button = el("button", "btn btn-ghost", t("ins_show_timeline"));
        button.type = "button";
        button.setAttribute("aria-label", t("ins_timeline_of", learner.name));
        button.dataset.learner = learner.id;
        button.addEventListener("click", () => openTimeline(learner.id, true));
        cell.append(button);
        row.append(cell);
        return row;
      }));
      if (focused) {
        const again = rows.querySelector('button[data-learner="' + CSS.escape(focused) + '"]');
        if (again) again.focus();
      }
    }

    function renderStuck(stuck) {
      const touched = stuck.steps.filter((s) => s.passed + s.failing > 0);
      document.getElementById("stuck-empty").hidden = touched.length > 0;
      document.getElementById("stuck-rows").replaceChildren(...touched.map((s) => {
        const row = el("tr", s.failing > 0 ? "stuck-row" : null);
        const head = el("th");
        head.scope = "row";
        head.append(el("span", "stuck-where", s.lesson + " · "), el("span", null, s.title));
        row.append(head, el("td", null, String(s.passed)), el("td", s.failing > 0 ? "failing" : null, String(s.failing)),
          el("td", null, String(s.notRun)));
        row.append(el("td", null, s.topCheck
          ? (s.topCount === 1 ? t("ins_top_one", s.topCheck, s.topDetail) : t("ins_top", s.topCheck, s.topDetail, s.topCount))
          : ""));
        return row;
      }));
    }

    function openTimeline(id, focus) {
      getJson("/api/class/learners/" + encodeURIComponent(id) + "/timeline").then((timeline) => {
        shown = id;
        const box = document.getElementById("timeline");
        box.hidden = false;
        const title = document.getElementById("timeline-title");
        title.textContent = t("ins_timeline_of", timeline.name);
        const list = document.getElementById("timeline-events");
        const events = timeline.events.slice().reverse();
        list.replaceChildren(...events.map((event) => {
          const item = el("li", "tl-item " + (event.kind === "reset" ? "tl-reset" : event.passed ? "tl-passed" : "tl-failed"));
          const head = el("p", "tl-head");
          head.append(el("span", "tl-time", clock(event.time) + " "));
          if (event.kind === "reset") {
            head.append(el("span", null, t("ins_reset", event.lesson)));
          } else {
            head.append(el("span", null, event.lesson + " · " + event.step + " "));
            head.append(el("span", "chip " + (event.passed ? "chip-ok" : "chip-bad"), t(event.passed ? "ins_step_passed" : "ins_step_failed")));
            if (event.durationMs !== undefined) head.append(el("span", "tl-took", " " + t("ins_took", event.durationMs)));
          }
          item.append(head);
          if (event.failedChecks && event.failedChecks.length) {
            const checks = el("ul", "tl-checks");
            event.failedChecks.forEach((c) => checks.append(el("li", null, "✗ " + c.description + " — " + c.detail)));
            item.append(checks);
          }
          if (event.output) {
            const out = el("pre", "tl-output", event.output);
            out.tabIndex = 0;
            out.setAttribute("aria-label", t("pre_output"));
            item.append(out);
          }
          return item;
        }));
        if (!events.length) list.append(el("li", "empty", t("ins_timeline_empty")));
        if (focus) title.focus();
      }).catch(() => {});
    }

    const live = new EventSource("/api/class/live");
    live.addEventListener("hello", refresh);
    live.addEventListener("change", soon);
    live.onerror = () => { state.textContent = t("ins_offline"); };
    setInterval(() => { if (!document.hidden) refresh(); }, 15000); // "online" fades without any event
    refresh();
  }

  // ---------- the presenter ----------
  function presenter() {
    const lessonId = document.body.dataset.present;
    const cards = Array.from(document.querySelectorAll(".present-card"));
    let index = 0;
    const fromHash = location.hash.startsWith("#step-") ? decodeURIComponent(location.hash.slice(6)) : null;
    if (fromHash) index = Math.max(0, cards.findIndex((c) => c.dataset.step === fromHash));

    function show(i) {
      index = Math.min(cards.length - 1, Math.max(0, i));
      cards.forEach((card, n) => { card.hidden = n !== index; });
      const card = cards[index];
      history.replaceState(null, "", "#step-" + card.dataset.step);
      document.getElementById("present-prev").disabled = index === 0;
      document.getElementById("present-next").disabled = index === cards.length - 1;
      postJson("/api/class/presenter", { lesson: lessonId, step: card.dataset.step }).catch(() => {});
    }

    function run(card) {
      const button = card.querySelector("[data-run]");
      const status = card.querySelector("[data-status]");
      const output = card.querySelector("[data-output]");
      const checks = card.querySelector("[data-checks]");
      button.disabled = true;
      status.textContent = t("pre_running");
      card.classList.remove("present-passed", "present-failed");
      output.textContent = "";
      output.hidden = false;
      checks.replaceChildren();
      checks.hidden = true;
      postJson("/api/lessons/" + encodeURIComponent(lessonId) + "/steps/" + encodeURIComponent(card.dataset.step) + "/runs", {})
        .then((started) => {
          const source = new EventSource(started.events);
          const on = (name, handler) => source.addEventListener(name, (e) => handler(JSON.parse(e.data)));
          on("output", (d) => {
            output.append(el("span", d.stream === "err" ? "err" : d.stream === "info" ? "info" : null, d.text + "\n"));
            output.scrollTop = output.scrollHeight;
          });
          on("finished", (d) => {
            source.close();
            button.disabled = false;
            status.textContent = t(d.passed ? "pre_passed" : "pre_failed") + (d.message ? " — " + d.message : "");
            card.classList.add(d.passed ? "present-passed" : "present-failed");
            output.hidden = output.textContent.length === 0;
            (d.checks || []).forEach((c) => checks.append(el("li", c.passed ? "ok" : "bad",
              (c.passed ? "✓ " : "✗ ") + c.description + (c.passed || !c.detail ? "" : " — " + c.detail))));
            checks.hidden = !(d.checks || []).length;
            // the class's screen shows the step just run, even if the keys moved on meanwhile
            postJson("/api/class/presenter", { lesson: lessonId, step: card.dataset.step }).catch(() => {});
          });
          source.onerror = () => { if (source.readyState === EventSource.CLOSED) button.disabled = false; };
        })
        .catch((message) => { button.disabled = false; status.textContent = String(message); });
    }

    cards.forEach((card) => card.querySelector("[data-run]").addEventListener("click", () => run(card)));
    document.getElementById("present-prev").addEventListener("click", () => show(index - 1));
    document.getElementById("present-next").addEventListener("click", () => show(index + 1));
    document.addEventListener("keydown", (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const tag = (e.target.tagName || "").toLowerCase();
      if (tag === "input" || tag === "textarea" || tag === "select") return;
      if (e.key === "ArrowRight" || e.key === "PageDown") { e.preventDefault(); show(index + 1); }
      else if (e.key === "ArrowLeft" || e.key === "PageUp") { e.preventDefault(); show(index - 1); }
      else if (e.key === "Enter" && tag !== "button" && tag !== "a") { e.preventDefault(); run(cards[index]); }
    });
    show(index);
  }
})();
