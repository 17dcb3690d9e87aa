// storyline serve: the page's only script. It follows a job's progress (server-sent events) and
// writes what it receives with textContent, never as markup.
"use strict";
(function () {
  var job = document.getElementById("job");
  if (!job || !window.EventSource) return;
  var state = job.getAttribute("data-state");
  if (state !== "queued" && state !== "running") return;
  var source = new EventSource(job.getAttribute("data-events"));
  function set(id, text) {
    var el = document.getElementById(id);
    if (el) el.textContent = text;
  }
  source.addEventListener("progress", function (e) {
    var d = JSON.parse(e.data);
    set("job-state", d.state);
    set("job-message", d.message);
    set("job-count", d.done + " / " + d.total);
    set("job-current", d.current || "");
    var bar = document.getElementById("job-progress");
    if (bar) {
      bar.max = d.total || 1;
      bar.value = d.done;
    }
    job.setAttribute("data-state", d.state);
    if (d.state === "done" || d.state === "failed" || d.state === "cancelled") {
      source.close();
      window.location.reload(); // the page then shows the result and any skipped inputs
    }
  });
  source.onerror = function () {
    source.close();
  };
})();
