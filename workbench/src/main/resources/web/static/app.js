// Docker na prática: the page's behaviour, hand-written (no build step, no CDN: classrooms may be
// offline). Everything the engine or a learner wrote reaches the page through textContent, never
// innerHTML, so output can never become markup.
(function () {
  "use strict";

  const lessonId = document.body.dataset.lesson;
  const SVG = "http://www.w3.org/2000/svg";
  // the interface's words, in the page's language, from the page itself (web/i18n/*.properties)
  const TEXTS = JSON.parse(document.getElementById("wb-texts").textContent);
  const LANG = document.documentElement.lang || "pt-BR";
  function t(key) {
    const args = Array.prototype.slice.call(arguments, 1);
    const text = TEXTS[key] !== undefined ? TEXTS[key] : TEXTS["js_" + key];
    return (text === undefined ? key : text).replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : args[i]));
  }
  function time() {
    return new Date().toLocaleTimeString(LANG);
  }

  // ---------- engine status (header pill + banner) ----------
  function refreshEngine() {
    fetch("/api/engine", { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : null))
      .then((data) => {
        if (!data) return;
        const pill = document.getElementById("engine-pill");
        const banner = document.getElementById("engine-banner");
        if (pill) {
          pill.classList.toggle("down", !data.available);
          pill.querySelector(".engine-text").textContent = t(data.available ? "engine_up" : "engine_down");
          pill.title = data.message || "";
        }
        if (banner) banner.hidden = data.available;
      })
      .catch(() => {});
  }
  refreshEngine();
  setInterval(() => { if (!document.hidden) refreshEngine(); }, 15000);

  // ---------- hosted lab (serve --labs): place in the queue, idle warning, "continue" ----------
  // Without --labs /api/lab does not exist (404) and the banner stays hidden for good.
  const labBanner = document.getElementById("lab-banner");
  let labTimer = null;
  function drawLab(data) {
    if (!labBanner || !data) return;
    const keep = document.getElementById("lab-keep");
    const text = document.getElementById("lab-text");
    const quiet = data.state === "READY" && !data.warn;
    if (text.textContent !== data.message) text.textContent = data.message;
    labBanner.hidden = quiet;
    labBanner.classList.toggle("banner-warn", !!data.warn || data.state === "FAILED");
    keep.hidden = !(data.warn || data.state === "STOPPED");
  }
  function refreshLab() {
    fetch("/api/lab", { headers: { Accept: "application/json" } })
      .then((r) => {
        if (r.status === 404) { clearInterval(labTimer); return null; }
        return r.ok ? r.json() : null;
      })
      .then(drawLab)
      .catch(() => {});
  }
  if (labBanner) {
    document.getElementById("lab-keep").addEventListener("click", () => {
      fetch("/api/lab", { method: "POST", headers: { Accept: "application/json", "Content-Type": "application/json" }, body: "{}" })
        .then((r) => (r.ok ? r.json() : null)).then(drawLab).catch(() => {});
    });
    refreshLab();
    labTimer = setInterval(() => { if (!document.hidden) refreshLab(); }, 5000);
  }

  if (!lessonId) return;

  // ---------- steps ----------
  const LABELS = { "not-run": t("status_not_run"), running: t("status_running"), passed: t("status_passed"), failed: t("status_failed") };

  // one live region for the page: a screen reader hears a step start and how it ended
  const announcer = document.getElementById("announcer");
  function announce(text) {
    announcer.textContent = "";
    // a fresh node after a tick, so the same sentence twice is still read twice
    setTimeout(() => { announcer.textContent = text; }, 50);
  }
  function stepTitle(card) {
    return card.querySelector(".step-title").textContent;
  }
  const MAX_LINES = 3000;

  function setStatus(card, status) {
    card.classList.remove("status-not-run", "status-running", "status-passed", "status-failed");
    card.classList.add("status-" + status);
    card.querySelector("[data-badge]").textContent = LABELS[status];
    const button = card.querySelector("[data-run]");
    // an exercise's step waits for the learner's prediction (see the questions below)
    button.disabled = status === "running" || card.dataset.locked === "true";
    const conferir = card.querySelector("[data-conferir]");
    if (conferir) conferir.disabled = button.disabled;
    card.querySelector("[data-run-label]").textContent = t(status === "running" ? "running" : status === "not-run" ? "run" : "run_again");
    updateLessonProgress();
  }

  function showMessage(card, text) {
    const el = card.querySelector("[data-message]");
    // the server has said the engine's refusals in the page's language
    offerFix(card, text || "");
    el.textContent = text || "";
    el.hidden = !text;
  }

  // a rerun whose container name is taken: show the docker rm -f that clears it, and a button
  // that runs it and then the step again
  const NAME_TAKEN = document.body.dataset.nameTaken || "\u0000";
  function offerFix(card, text) {
    const box = card.querySelector("[data-fix]");
    const command = text.startsWith(NAME_TAKEN) && /`(docker rm -f [^`]+)`/.exec(text);
    box.hidden = !command;
    if (!command) return null;
    box.querySelector("[data-fix-cli]").textContent = command[1];
    return command[1];
  }

  function removeAndRun(card) {
    const button = card.querySelector("[data-fix-run]");
    button.disabled = true;
    fetch("/api/lessons/" + encodeURIComponent(lessonId) + "/steps/" + encodeURIComponent(card.dataset.step) + "/clear", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: "{}",
    })
      .then((r) => r.json().catch(() => ({})).then((body) => ({ ok: r.ok, status: r.status, body })))
      .then(({ ok, status, body }) => {
        button.disabled = false;
        if (!ok) { showMessage(card, body.error || t("refused", status)); return; }
        run(card);
      })
      .catch(() => { button.disabled = false; showMessage(card, t("no_answer")); });
  }

  function appendLine(card, stream, text) {
    const pane = card.querySelector("[data-output]");
    pane.hidden = false;
    const nearBottom = pane.scrollHeight - pane.scrollTop - pane.clientHeight < 40;
    const line = document.createElement("span");
    line.className = "line " + (stream === "err" || stream === "info" ? stream : "out");
    line.textContent = text;
    pane.appendChild(line);
    while (pane.childElementCount > MAX_LINES) pane.removeChild(pane.firstChild);
    if (nearBottom) pane.scrollTop = pane.scrollHeight;
  }

  function addCheck(card, check) {
    const list = card.querySelector("[data-checks]");
    list.hidden = false;
    const li = document.createElement("li");
    li.className = check.passed ? "ok" : "ko";
    const mark = document.createElement("span");
    mark.className = "mark";
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = check.passed ? "✓" : "✗";
    const said = document.createElement("span");
    said.className = "visually-hidden";
    said.textContent = t(check.passed ? "check_passed" : "check_failed") + ": ";
    const text = document.createElement("span");
    text.className = "check-text";
    text.textContent = check.description;
    if (check.detail) {
      const small = document.createElement("small");
      small.textContent = check.detail;
      text.appendChild(small);
    }
    li.append(mark, said, text);
    list.appendChild(li);
  }

  function showProgress(card, data) {
    const box = card.querySelector("[data-progress]");
    box.hidden = false;
    const known = data.total > 0;
    box.classList.toggle("indeterminate", !known);
    card.querySelector("[data-progress-label]").textContent =
      data.label + (known ? " — " + Math.round((100 * data.current) / data.total) + "%" : "");
    card.querySelector("[data-progress-bar]").style.width = known ? Math.min(100, (100 * data.current) / data.total) + "%" : "";
    const bar = card.querySelector("[data-progress] [role=progressbar]");
    if (known) {
      bar.setAttribute("aria-valuenow", String(Math.round((100 * data.current) / data.total)));
    } else {
      bar.removeAttribute("aria-valuenow");
    }
  }

  function clearRun(card) {
    const pane = card.querySelector("[data-output]");
    pane.replaceChildren();
    pane.hidden = true;
    const checks = card.querySelector("[data-checks]");
    checks.replaceChildren();
    checks.hidden = true;
    card.querySelector("[data-progress]").hidden = true;
    showMessage(card, "");
  }

  function follow(card, runId) {
    const source = new EventSource("/api/runs/" + encodeURIComponent(runId) + "/events");
    let done = false;
    const on = (name, handler) => source.addEventListener(name, (e) => handler(JSON.parse(e.data)));
    on("started", () => {
      clearRun(card);
      setStatus(card, "running");
      announce(t(card.dataset.conferring ? "announce_checking" : "announce_running", stepTitle(card)));
    });
    on("output", (d) => appendLine(card, d.stream, d.text));
    on("progress", (d) => showProgress(card, d));
    on("check", (d) => addCheck(card, d));
    on("finished", (d) => {
      done = true;
      source.close();
      card.querySelector("[data-progress]").hidden = true;
      const list = card.querySelector("[data-checks]");
      list.replaceChildren();
      list.hidden = true;
      (d.checks || []).forEach((c) => addCheck(card, c));
      showMessage(card, d.passed ? "" : d.message);
      if (d.passed) card.classList.add("done");
      setStatus(card, d.passed ? "passed" : "failed");
      const checks = d.checks || [];
      let said = t("announce_result", stepTitle(card), LABELS[d.passed ? "passed" : "failed"]);
      if (checks.length) said += " " + t("announce_checks", checks.filter((c) => c.passed).length, checks.length);
      if (!d.passed && d.message) said += " " + d.message;
      if (card.dataset.conferring) {
        appendLine(card, "info", t("conferred"));
        delete card.dataset.conferring;
      }
      announce(said);
      card.dataset.run = "";
      refreshPanel();
      refreshQuestions(card.dataset.step);
    });
    source.onerror = () => {
      // a stream that ends before "finished" (server restarted, run forgotten): ask what is recorded
      if (done || source.readyState !== EventSource.CLOSED) return;
      refreshStepFromProgress(card);
    };
  }

  function refreshStepFromProgress(card) {
    fetch("/api/lessons/" + encodeURIComponent(lessonId) + "/progress")
      .then((r) => r.json())
      .then((p) => {
        const s = p.steps && p.steps[card.dataset.step];
        if (!s || s.status === "RUNNING") return;
        setStatus(card, s.status.toLowerCase().replace("_", "-"));
        showMessage(card, s.message);
      })
      .catch(() => {});
  }

  // "Conferir" is a run that only checks: the same request, stream and card, another address
  function run(card, checkOnly) {
    const params = {};
    // a textarea's value keeps its line breaks (as \n), and JSON carries them as they are
    fields(card).forEach((field) => { params[field.name] = field.value; });
    const button = card.querySelector("[data-run]");
    button.disabled = true;
    if (checkOnly) card.dataset.conferring = "true"; else delete card.dataset.conferring;
    showMessage(card, "");
    fetch("/api/lessons/" + encodeURIComponent(lessonId) + "/steps/" + encodeURIComponent(card.dataset.step) + (checkOnly ? "/check" : "/runs"), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ params }),
    })
      .then((r) => r.json().catch(() => ({})).then((body) => ({ status: r.status, body })))
      .then(({ status, body }) => {
        if (status === 202) {
          card.dataset.run = body.runId;
          clearRun(card);
          setStatus(card, "running");
          follow(card, body.runId);
        } else {
          button.disabled = false;
          showMessage(card, body.error || t("refused", status));
        }
      })
      .catch(() => {
        button.disabled = false;
        showMessage(card, t("no_answer"));
      });
  }

  function copy(button, text) {
    const ok = () => {
      button.textContent = t("copied");
      button.classList.add("copied");
      setTimeout(() => { button.textContent = t("copy"); button.classList.remove("copied"); }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(ok).catch(() => {});
      return;
    }
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); ok(); } catch (e) { /* nothing else to try */ }
    area.remove();
  }

  function updateLessonProgress() {
    const box = document.getElementById("lesson-progress");
    if (!box) return;
    const questions = document.querySelectorAll(".question").length;
    const total = document.querySelectorAll(".step").length + questions;
    // a step once passed counts while a rerun fails or runs: the card shows the latest run; a quiz
    // counts once answered, an exercise once predicted and its step passed (the server's Tally)
    const passed = document.querySelectorAll(".step.status-passed, .step.done").length
      + document.querySelectorAll(".question.done").length;
    box.querySelector(".bar > span").style.width = total ? (100 * passed) / total + "%" : "0";
    const done = t(questions ? "items_done" : "steps_done", passed, total);
    box.querySelector(".count").textContent = done;
    const bar = box.querySelector("[role=progressbar]");
    bar.setAttribute("aria-valuemax", String(total));
    bar.setAttribute("aria-valuenow", String(passed));
    bar.setAttribute("aria-valuetext", done);
  }

  // a step's parameters: one-line inputs and, for code, text areas
  function fields(card) {
    return card.querySelectorAll(".params input[name], .params textarea[name]");
  }

  // the command lines (docker, and Heroku where there is one) show what will run: ${NAME} becomes
  // the value typed in the form
  function showCli(card) {
    card.querySelectorAll("[data-cli]").forEach((cli) => {
      const template = cli.dataset.template || (cli.dataset.template = cli.textContent);
      let text = template;
      fields(card).forEach((field) => { text = text.split("${" + field.name + "}").join(field.value); });
      cli.textContent = text;
    });
  }

  // a text area grows with its text (up to a point) and Ctrl+Enter runs the step, as Enter does in an input
  function fitTextarea(area) {
    area.rows = Math.max(3, Math.min(area.value.replace(/\s+$/, "").split("\n").length + 1, 30));
  }

  document.querySelectorAll(".step").forEach((card) => {
    showCli(card);
    fields(card).forEach((field) => field.addEventListener("input", () => showCli(card)));
    card.querySelectorAll(".params textarea").forEach((area) => {
      area.addEventListener("input", () => fitTextarea(area));
      area.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); card.querySelector("[data-form]").requestSubmit(); }
      });
    });
    card.querySelector("[data-form]").addEventListener("submit", (e) => { e.preventDefault(); run(card); });
    card.querySelector("[data-fix-run]").addEventListener("click", () => removeAndRun(card));
    card.querySelector("[data-conferir]").addEventListener("click", () => run(card, true));
    showMessage(card, card.querySelector("[data-message]").textContent);
    card.querySelectorAll("[data-copy]").forEach((button) => button.addEventListener("click",
      () => copy(button, button.closest(".cli").querySelector("[data-cli]").textContent)));
    if (card.dataset.run) follow(card, card.dataset.run);
    const pane = card.querySelector("[data-output]");
    pane.scrollTop = pane.scrollHeight;
  });
  updateLessonProgress();

  // ---------- quizzes and "predict, then run" exercises ----------
  // The page draws them unanswered; the learner's answer, whether it was right, the explanation and
  // an exercise's outcome come from the server (the key is not in the page before they commit).
  const questionBoxes = document.querySelectorAll(".question");

  function stepCardOf(box) {
    return box.dataset.forStep ? document.getElementById("step-" + box.dataset.forStep) : null;
  }

  // an exercise's step cannot run (or be checked) until the prediction is committed
  function lockStep(box, locked) {
    const card = stepCardOf(box);
    if (!card) return;
    card.dataset.locked = locked ? "true" : "false";
    const note = card.querySelector("[data-locked]");
    note.hidden = !locked;
    const run = card.querySelector("[data-run]");
    const conferir = card.querySelector("[data-conferir]");
    [run, conferir].forEach((b) => {
      if (locked) b.setAttribute("aria-describedby", note.id);
      else b.setAttribute("aria-describedby", "step-" + card.dataset.step + "-title");
    });
    const running = card.classList.contains("status-running");
    run.disabled = locked || running;
    conferir.disabled = locked || running;
  }

  function applyQuestion(box, state, speak) {
    const result = box.querySelector("[data-result]");
    const explanation = box.querySelector("[data-explanation]");
    box.classList.remove("right", "wrong", "matched", "missed", "not-reached", "waiting", "done");
    box.querySelectorAll(".option").forEach((o) => o.classList.remove("picked", "right", "wrong"));
    if (box.dataset.kind === "exercise") lockStep(box, !state.answered);
    if (!state.answered) {
      result.textContent = "";
      explanation.hidden = true;
      return;
    }
    const picked = box.querySelector('input[value="' + state.choice + '"]');
    if (picked) picked.checked = true;
    const pickedLabel = box.querySelector('.option[data-option="' + state.choice + '"]');
    if (pickedLabel) pickedLabel.classList.add("picked");
    if (state.answer) {
      const right = box.querySelector('.option[data-option="' + state.answer + '"]');
      if (right) right.classList.add("right");
      if (pickedLabel && state.answer !== state.choice) pickedLabel.classList.add("wrong");
    }
    if (state.kind === "quiz") box.classList.add(state.right ? "right" : "wrong");
    if (state.outcome) box.classList.add(state.outcome);
    if (state.done) box.classList.add("done");
    result.textContent = state.result || "";
    // the explanation is the lesson's own Markdown, rendered by the server like the prose around it
    if (state.explanation) {
      box.querySelector("[data-explanation-body]").innerHTML = state.explanation;
      explanation.hidden = false;
    } else {
      explanation.hidden = true;
    }
    if (speak && state.result) announce(state.result);
  }

  function refreshQuestions(stepId) {
    if (!questionBoxes.length) return;
    if (stepId && !document.querySelector('.question[data-for-step="' + stepId + '"]')) return;
    fetch("/api/lessons/" + encodeURIComponent(lessonId) + "/questions", { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : null))
      .then((data) => {
        if (!data) return;
        questionBoxes.forEach((box) => {
          const state = data.questions[box.dataset.question];
          // after a run, an exercise says at once whether the prediction matched
          if (state) applyQuestion(box, state, stepId && box.dataset.forStep === stepId);
        });
        updateLessonProgress();
      })
      .catch(() => {});
  }

  questionBoxes.forEach((box) => {
    if (box.dataset.kind === "exercise") lockStep(box, true);
    box.querySelector("[data-answer-form]").addEventListener("submit", (e) => {
      e.preventDefault();
      const checked = box.querySelector("input[type=radio]:checked");
      const result = box.querySelector("[data-result]");
      if (!checked) {
        result.textContent = t("choose_first");
        box.querySelector("input[type=radio]").focus();
        return;
      }
      const button = box.querySelector("[data-answer]");
      button.disabled = true;
      fetch("/api/lessons/" + encodeURIComponent(lessonId) + "/questions/" + encodeURIComponent(box.dataset.question) + "/answers", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ choice: Number(checked.value) }),
      })
        .then((r) => r.json().catch(() => ({})).then((body) => ({ ok: r.ok, status: r.status, body })))
        .then(({ ok, status, body }) => {
          button.disabled = false;
          if (!ok) { result.textContent = body.error || t("refused", status); return; }
          applyQuestion(box, body, true);
          updateLessonProgress();
        })
        .catch(() => { button.disabled = false; result.textContent = t("no_answer"); });
    });
  });
  refreshQuestions(null);

  const resetButton = document.getElementById("reset-lesson");
  resetButton.addEventListener("click", () => {
    if (!confirm(t("reset_confirm"))) return;
    resetButton.disabled = true;
    const message = document.getElementById("lesson-message");
    fetch("/api/lessons/" + encodeURIComponent(lessonId) + "/reset", {
      method: "POST",
      // the server takes writes only as JSON: a cross-site form cannot send that
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: "{}",
    })
      .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        if (ok) {
          window.location.reload();
          return;
        }
        message.textContent = body.error || t("reset_failed");
        message.className = "toolbar-message error";
        message.hidden = false;
        resetButton.disabled = false;
      })
      .catch(() => { resetButton.disabled = false; });
  });

  // ---------- live tables: a Firestore collection as it is now, read every 2 s ----------
  const TABLE_EVERY = 2000;

  function cellNode(value, column, fresh) {
    const td = document.createElement("td");
    if (value === null || value === undefined) {
      const missing = document.createElement("span");
      missing.className = "missing";
      missing.textContent = t("table_missing", column);
      td.appendChild(missing);
    } else {
      td.textContent = value;
      if (fresh) td.className = "fresh";
    }
    return td;
  }

  function followTable(box) {
    const summary = box.querySelector("[data-summary]");
    const scroll = box.querySelector("[data-scroll]");
    const rows = box.querySelector("[data-rows]");
    let lastKey = "";
    let seen = null; // id -> cells of the previous answer, so values that just arrived can light up

    function draw(data) {
      const waiting = data.state !== "ok";
      box.classList.toggle("waiting", waiting);
      summary.textContent = waiting ? data.message : data.summary;
      scroll.hidden = waiting || !data.rows.length;
      if (waiting) return;
      const before = seen;
      seen = {};
      rows.replaceChildren(...data.rows.map((row) => {
        seen[row.id] = row.cells;
        const tr = document.createElement("tr");
        const old = before && before[row.id];
        row.cells.forEach((value, i) => tr.appendChild(cellNode(value, data.columns[i], before !== null && (!old || old[i] !== value))));
        return tr;
      }));
    }

    function tick() {
      if (document.hidden) { setTimeout(tick, TABLE_EVERY); return; }
      fetch(box.dataset.table, { headers: { Accept: "application/json" }, cache: "no-store" })
        .then((r) => r.json().catch(() => ({})).then((body) => (r.ok ? body : { state: "waiting", message: body.error || t("table_unreadable", r.status) })))
        .then((data) => {
          box.querySelector("[data-updated]").textContent = t("table_read_at", time());
          const key = JSON.stringify(data);
          if (key !== lastKey) { lastKey = key; draw(data); }
        })
        .catch(() => draw({ state: "waiting", message: t("no_answer") }))
        .finally(() => setTimeout(tick, TABLE_EVERY));
    }
    tick();
  }
  document.querySelectorAll("[data-table]").forEach(followTable);

  // ---------- the live panel: the learner's Docker as a picture ----------
  const panelBody = document.getElementById("panel-body");
  const updated = document.getElementById("panel-updated");
  const panelText = document.getElementById("panel-text");
  const panelList = document.getElementById("panel-list");
  let lastPanel = "";

  function refreshPanel() {
    fetch("/api/panel", { headers: { Accept: "application/json" } })
      .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        const key = JSON.stringify({ ok, body });
        updated.textContent = t("panel_updated_at", time());
        if (key === lastPanel) return;
        lastPanel = key;
        if (!ok) {
          const p = document.createElement("p");
          p.className = "panel-error";
          p.textContent = body.error || t("panel_error");
          panelBody.replaceChildren(p);
          panelText.hidden = true;
          return;
        }
        panelBody.replaceChildren(drawPanel(body));
        listPanel(body);
      })
      .catch(() => {});
  }
  refreshPanel();
  setInterval(() => { if (!document.hidden) refreshPanel(); }, 4000);

  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    for (const k in attrs) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fit(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "…" : text;
  }

  const STATE = {
    running: { fill: "#e5f6ec", stroke: "#0f7a3d", label: t("state_running") },
    exited: { fill: "#f0f2f6", stroke: "#5b6580", label: t("state_exited") },
    created: { fill: "#e8f0fe", stroke: "#1d5fd6", label: t("state_created") },
    paused: { fill: "#fff4e0", stroke: "#8a5a00", label: t("state_paused") },
    restarting: { fill: "#fff4e0", stroke: "#8a5a00", label: t("state_restarting") },
    dead: { fill: "#fdeaea", stroke: "#b42323", label: t("state_dead") },
  };

  // the named volumes, then what containers mount that is not one: bind folders, anonymous volumes
  function volumesOf(snap) {
    const volumes = (snap.volumes || []).map((v) => ({ name: v.name, lesson: v.lesson, kind: "volume" }));
    (snap.containers || []).forEach((c) => (c.volumes || []).forEach((v) => {
      if (!volumes.some((x) => x.name === v)) {
        volumes.push({ name: v, kind: v.startsWith("pasta:") ? "folder" : /^[0-9a-f]{32,}$/.test(v) ? "anon" : "volume" });
      }
    }));
    return volumes;
  }

  function volumeName(v) {
    return v.kind === "folder" ? v.name.slice(6) : v.kind === "anon" ? t("volume_anon", v.name.slice(0, 6)) : v.name;
  }

  function networkTitle(name) {
    return name === null ? t("net_none") : name === "bridge" ? t("net_bridge") : t("net_named", name);
  }

  // the picture's text alternative: the same resources as a list a screen reader (or anyone) can read
  function listPanel(snap) {
    const containers = snap.containers || [];
    const volumes = volumesOf(snap);
    const items = [];
    const names = (snap.networks || []).map((n) => n.name);
    containers.forEach((c) => (c.networks || []).forEach((n) => { if (!names.includes(n)) names.push(n); }));
    const describe = (c) => {
      let text = t("list_container", c.name, c.image || "", (STATE[c.state] || STATE.exited).label);
      if ((c.ports || []).length) text += t("list_ports", c.ports.join(", "));
      if ((c.volumes || []).length) text += t("list_mounts", c.volumes.map((v) => volumeName(volumes.find((x) => x.name === v))).join(", "));
      if (lessonId && c.lesson && c.lesson !== lessonId) text += t("list_other_lesson", c.lesson);
      return text;
    };
    names.forEach((name) => {
      const inside = containers.filter((c) => (c.networks || [])[0] === name);
      items.push(t("list_network", networkTitle(name), inside.length ? inside.map(describe).join("; ") : t("list_no_containers")));
    });
    containers.filter((c) => !(c.networks || []).length).forEach((c) => items.push(networkTitle(null) + ": " + describe(c)));
    volumes.forEach((v) => items.push(t(v.kind === "folder" ? "list_folder" : "list_volume", volumeName(v))));
    panelList.replaceChildren(...items.map((text) => {
      const li = document.createElement("li");
      li.textContent = text;
      return li;
    }));
    panelText.hidden = items.length === 0;
  }

  function drawPanel(snap) {
    const containers = snap.containers || [];
    const volumes = volumesOf(snap);
    if (!containers.length && !volumes.length && !(snap.networks || []).length) {
      const p = document.createElement("p");
      p.className = "panel-empty";
      p.textContent = t("panel_empty");
      return p;
    }

    // networks: the learner's own first, then the default bridge, then containers with none
    const order = (snap.networks || []).map((n) => n.name);
    containers.forEach((c) => (c.networks || []).forEach((n) => { if (!order.includes(n)) order.push(n); }));
    const groups = order.map((name) => ({ name, containers: [] }));
    const loose = { name: null, containers: [] };
    containers.forEach((c) => {
      const first = (c.networks || [])[0];
      (first ? groups.find((g) => g.name === first) : loose).containers.push(c);
    });
    // published containers first (their arrows come from the host above), those that mount
    // something last (nearest the volumes below), so lines cross as few boxes as possible
    const rank = (c) => ((c.ports || []).length ? 0 : (c.volumes || []).length ? 2 : 1);
    groups.forEach((g) => g.containers.sort((a, b) => rank(a) - rank(b)));
    if (loose.containers.length) groups.push(loose);

    const W = 360, PAD = 8, GAP = 10, CW = (W - 2 * PAD - 3 * GAP) / 2, CH = 60, HEAD = 40;
    const svg = el("svg", { viewBox: "0 0 " + W + " 100", role: "img", "aria-label": t("panel_picture") });
    const defs = el("defs");
    const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" });
    marker.appendChild(el("path", { d: "M0,0 L10,5 L0,10 z", fill: "#1d63ed" }));
    defs.appendChild(marker);
    svg.appendChild(defs);
    const back = el("g"), middle = el("g"), front = el("g");
    svg.append(back, middle, front);

    // the host: where published ports are reached
    const host = el("g", { class: "host" });
    host.append(
      el("rect", { x: PAD, y: PAD, width: W - 2 * PAD, height: 34, rx: 8, fill: "#0e1525" }),
      el("rect", { x: PAD + 12, y: PAD + 10, width: 18, height: 12, rx: 2, fill: "none", stroke: "#7fb4ff", "stroke-width": 1.5 }),
      el("path", { d: `M${PAD + 17},${PAD + 26} h8`, stroke: "#7fb4ff", "stroke-width": 1.5 }),
      el("text", { x: PAD + 38, y: PAD + 22, fill: "#d6deeb", "font-size": 13, "font-weight": 600 }, t("host"))
    );
    back.appendChild(host);
    const hostBottom = PAD + 34;

    let y = hostBottom + 30;
    const boxes = {};
    groups.forEach((g) => {
      const rows = Math.max(1, Math.ceil(g.containers.length / 2));
      const h = HEAD + rows * (CH + GAP) + 2;
      const net = el("g", { class: "network", "data-name": g.name || "" });
      const title = networkTitle(g.name);
      net.append(
        el("rect", { x: PAD, y, width: W - 2 * PAD, height: h, rx: 10, fill: g.name === null ? "#fafbfe" : "#f3f7ff", stroke: g.name === null ? "#c3cde0" : "#9bb8f3", "stroke-dasharray": g.name === null ? "4 3" : "" }),
        el("text", { x: PAD + 12, y: y + 21, fill: "#0b3fb3", "font-size": 12, "font-weight": 700 }, fit(title, 44))
      );
      if (!g.containers.length) {
        net.appendChild(el("text", { x: W / 2, y: y + HEAD + 18, fill: "#7a86a1", "font-size": 12, "text-anchor": "middle" }, t("net_empty")));
      }
      back.appendChild(net);
      g.containers.forEach((c, i) => {
        const cx = PAD + GAP + (i % 2) * (CW + GAP), cy = y + HEAD + Math.floor(i / 2) * (CH + GAP);
        boxes[c.name] = { x: cx, y: cy };
        const st = STATE[c.state] || STATE.exited;
        const other = lessonId && c.lesson && c.lesson !== lessonId;
        const box = el("g", { class: "container state-" + c.state, "data-name": c.name, opacity: other ? 0.6 : 1 });
        box.append(
          el("rect", { class: "c-box", x: cx, y: cy, width: CW, height: CH, rx: 8, fill: st.fill, stroke: st.stroke }),
          el("text", { x: cx + 10, y: cy + 19, fill: "#14213d", "font-size": 13, "font-weight": 700 }, fit(c.name, 19)),
          el("text", { x: cx + 10, y: cy + 35, fill: "#4a5672", "font-size": 11 }, fit(c.image || "", 24)),
          el("circle", { cx: cx + 14, cy: cy + 48, r: 4, fill: st.stroke }),
          el("text", { x: cx + 22, y: cy + 52, fill: st.stroke, "font-size": 11, "font-weight": 600 }, st.label + (other ? " · " + fit(c.lesson, 12) : ""))
        );
        const extra = (c.networks || []).slice(1);
        if (extra.length) box.appendChild(el("text", { x: cx + CW - 8, y: cy + 52, fill: "#0b3fb3", "font-size": 10, "text-anchor": "end" }, "+ " + fit(extra.join(", "), 14)));
        box.appendChild(el("title", {}, c.name + " (" + (c.image || "") + "): " + st.label));
        middle.appendChild(box);
        // published ports: an arrow from the host down to a tab on the container's top edge
        (c.ports || []).forEach((p, k) => {
          const [hostPort, containerPort] = p.split("->");
          const label = hostPort + " → " + containerPort;
          const tw = 12 + label.length * 6.2;
          const tx = cx + CW - 8 - tw - k * (tw + 4), ty = cy - 8;
          front.append(
            el("line", { x1: tx + tw / 2, y1: hostBottom, x2: tx + tw / 2, y2: ty - 1, stroke: "#1d63ed", "stroke-width": 1.5, "stroke-dasharray": "4 3", "marker-end": "url(#arrow)" }),
            el("rect", { class: "port", x: tx, y: ty, width: tw, height: 16, rx: 8, fill: "#1d63ed" }),
            el("text", { x: tx + tw / 2, y: ty + 12, fill: "#fff", "font-size": 10.5, "font-weight": 700, "text-anchor": "middle" }, label)
          );
        });
      });
      y += h + GAP;
    });

    // volumes: cylinders under everything, linked to the containers that mount them
    if (volumes.length) {
      y += 14;
      back.appendChild(el("text", { x: PAD + 2, y: y, fill: "#4a5672", "font-size": 12, "font-weight": 700 }, t("volumes_heading")));
      y += 12;
      const VW = (W - 2 * PAD - 2 * GAP) / 3, VH = 50;
      volumes.forEach((v, i) => {
        const vx = PAD + (i % 3) * (VW + GAP), vy = y + Math.floor(i / 3) * (VH + 18);
        const color = v.kind === "folder" ? { fill: "#fff4e0", stroke: "#d08a00" } : { fill: "#f4ecff", stroke: "#9b5cf0" };
        const name = volumeName(v);
        const g = el("g", { class: "volume", "data-name": v.name });
        const ry = 7;
        g.append(
          el("path", { d: `M${vx},${vy + ry} v${VH - 2 * ry} a${VW / 2},${ry} 0 0 0 ${VW},0 v${-(VH - 2 * ry)}`, fill: color.fill, stroke: color.stroke, "stroke-width": 1.5 }),
          el("ellipse", { cx: vx + VW / 2, cy: vy + ry, rx: VW / 2, ry, fill: color.fill, stroke: color.stroke, "stroke-width": 1.5 }),
          el("text", { x: vx + VW / 2, y: vy + 30, fill: "#3b2466", "font-size": 11.5, "font-weight": 700, "text-anchor": "middle" }, fit(name, 14)),
          el("text", { x: vx + VW / 2, y: vy + 43, fill: "#7a6a99", "font-size": 9.5, "text-anchor": "middle" }, t(v.kind === "folder" ? "volume_folder" : "volume")),
          el("title", {}, v.name)
        );
        middle.appendChild(g);
        containers.filter((c) => (c.volumes || []).includes(v.name)).forEach((c) => {
          const b = boxes[c.name];
          if (!b) return;
          const x1 = b.x + CW / 2, y1 = b.y + CH, x2 = vx + VW / 2, y2 = vy;
          // drawn over the boxes, with a dot where it starts: which container mounts what must be unmistakable
          front.append(
            el("path", { d: `M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2}`, fill: "none", stroke: color.stroke, "stroke-width": 1.6, "stroke-dasharray": "5 4", class: "mount" }),
            el("circle", { cx: x1, cy: y1, r: 3.5, fill: color.stroke })
          );
        });
      });
      y += Math.ceil(volumes.length / 3) * (VH + 18);
    }
    svg.setAttribute("viewBox", "0 0 " + W + " " + Math.max(y, 100));
    return svg;
  }
  // ---------- terminal (xterm.js over a WebSocket to a shell in the learner's toolbox) ----------
  (function terminal() {
    const dock = document.getElementById("terminal");
    if (!dock || !window.Terminal) return;
    const toggle = document.getElementById("terminal-toggle");
    const body = document.getElementById("terminal-body");
    const screen = document.getElementById("terminal-screen");
    const status = document.getElementById("terminal-status");
    let term = null, fit = null, socket = null, lastKeyEscape = false;
    const pending = [];
    document.body.classList.add("has-terminal");

    function say(text) { status.textContent = text || ""; }

    function setOpen(open) {
      body.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? toggle.dataset.close : toggle.dataset.open;
      document.body.classList.toggle("terminal-open", open);
      if (open) {
        ensureTerminal();
        connect();
        setTimeout(() => { fitNow(); term.focus(); }, 0);
      }
    }

    function ensureTerminal() {
      if (term) return;
      // screen-reader mode: what the shell prints is also kept as text a screen reader reads
      term = new window.Terminal({ convertEol: false, cursorBlink: true, fontSize: 14, screenReaderMode: true,
        fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
        theme: { background: "#0b1220", foreground: "#e2e8f0" } });
      if (window.FitAddon) {
        fit = new window.FitAddon.FitAddon();
        term.loadAddon(fit);
      }
      term.open(screen);
      // the terminal takes Tab for the shell; Esc then Tab leaves it, so the keyboard is never trapped
      term.attachCustomKeyEventHandler((e) => {
        if (e.type !== "keydown") return true;
        if (e.key === "Tab" && lastKeyEscape) { lastKeyEscape = false; return false; }
        lastKeyEscape = e.key === "Escape";
        return true;
      });
      term.onData((data) => send({ type: "input", data: data }));
      term.onResize((size) => send({ type: "resize", cols: size.cols, rows: size.rows }));
      window.addEventListener("resize", fitNow);
    }

    function fitNow() {
      if (fit && !body.hidden) { try { fit.fit(); } catch (e) { /* not laid out yet */ } }
    }

    function send(message) {
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
      else if (message.type === "input") pending.push(message);
    }

    function connect() {
      if (socket && socket.readyState <= WebSocket.OPEN) return;
      say(t("terminal_connecting"));
      fitNow();
      const scheme = location.protocol === "https:" ? "wss:" : "ws:";
      socket = new WebSocket(scheme + "//" + location.host + "/api/terminal?cols=" + term.cols + "&rows=" + term.rows);
      socket.binaryType = "arraybuffer";
      let ready = false;
      socket.addEventListener("message", (event) => {
        if (typeof event.data !== "string") {
          term.write(new Uint8Array(event.data));
          return;
        }
        let news;
        try { news = JSON.parse(event.data); } catch (e) { return; }
        if (news.type !== "status") return;
        say(news.message);
        dock.dataset.state = news.state;
        if (news.state === "ready") {
          ready = true;
          send({ type: "resize", cols: term.cols, rows: term.rows });
          while (pending.length) send(pending.shift());
        }
      });
      socket.addEventListener("close", (event) => {
        if (dock.dataset.state === "ready" || !ready) {
          if (event.code !== 1000 && event.code !== 4029 && dock.dataset.state !== "error") say(t("terminal_closed"));
        }
        if (dock.dataset.state !== "error" && dock.dataset.state !== "ended") dock.dataset.state = "closed";
        socket = null;
      });
    }

    toggle.addEventListener("click", () => setOpen(body.hidden));

    // "Colar no terminal": the card's command typed at the prompt, not run — the learner reads it and presses Enter
    document.querySelectorAll("[data-paste]").forEach((button) => button.addEventListener("click", () => {
      const command = button.closest(".cli").querySelector("[data-cli]").textContent.replace(/\s*\n\s*/g, " ").trim();
      if (body.hidden) setOpen(true);
      else connect();
      if (term) {
        term.paste(command);
        term.focus();
      }
    }));
  })();
})();
