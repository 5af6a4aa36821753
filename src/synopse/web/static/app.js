// The only script of the web app: the ingest page refreshes while a run is going and posts the
// ingest form with the bearer token. Everything else works without JavaScript.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const runs = document.getElementById("runs");
  if (runs && runs.dataset.refresh) {
    window.setTimeout(() => window.location.reload(), Number(runs.dataset.refresh) * 1000);
  }
  const form = document.getElementById("ingest-form");
  if (form) {
    form.addEventListener("submit", submitIngest);
  }
});

async function submitIngest(event) {
  event.preventDefault();
  const form = event.target;
  const result = document.getElementById("ingest-result");
  const sources = form.elements.sources.value.split("\n").map((s) => s.trim()).filter(Boolean);
  const response = await fetch("/api/ingest", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Authorization": "Bearer " + form.elements.token.value,
    },
    body: JSON.stringify({ sources }),
  });
  const body = await response.json();
  result.textContent = response.ok ? "accepted: " + body.sources + " sources" : body.detail;
  if (response.ok) {
    window.setTimeout(() => window.location.reload(), 1000);
  }
}
