// Outlet framing charts. Data comes from the JSON block the server embeds (never evaluated as code).
(function () {
  "use strict";
  var el = document.getElementById("chart-data");
  if (!el || typeof Chart === "undefined") { return; }
  var data;
  try { data = JSON.parse(el.textContent); } catch (e) { return; }
  var css = getComputedStyle(document.documentElement);
  function color(name, fallback) { return (css.getPropertyValue(name) || fallback).trim(); }
  Chart.defaults.font.family = css.getPropertyValue("font-family") || "system-ui, sans-serif";
  Chart.defaults.color = color("--ink-2", "#444");
  Chart.defaults.animation = false;

  var framing = document.getElementById("chart-framing");
  if (framing) {
    new Chart(framing, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: "neutral", data: data.framing.neutral, backgroundColor: color("--neutral", "#9aa5b1") },
          { label: "distancing", data: data.framing.distancing, backgroundColor: color("--distancing", "#d9822b") },
          { label: "endorsing", data: data.framing.endorsing, backgroundColor: color("--endorsing", "#2b8a6e") }
        ]
      },
      options: {
        indexAxis: "y", responsive: true, maintainAspectRatio: false,
        scales: { x: { stacked: true, max: 100, ticks: { callback: function (v) { return v + "%"; } } },
                  y: { stacked: true } },
        plugins: { legend: { position: "bottom" },
                   tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + c.parsed.x + "%"; } } } }
      }
    });
  }

  var country = document.getElementById("chart-country");
  if (country) {
    var palette = ["#1f5fa8", "#d9822b", "#2b8a6e", "#8a3ffc", "#c23b5a", "#5c6f82", "#b28600", "#0f7c8c"];
    var sets = data.labels.map(function (outlet, i) {
      return { label: outlet, backgroundColor: palette[i % palette.length],
               data: data.countries.map(function (c) { var v = data.by_country[c][i]; return v === null ? null : v; }) };
    });
    if (!data.countries.length) {
      country.parentNode.parentNode.hidden = true;
    } else {
      new Chart(country, {
        type: "bar",
        data: { labels: data.countries, datasets: sets },
        options: { responsive: true, maintainAspectRatio: false,
                   scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return v + "%"; } } } },
                   plugins: { legend: { position: "bottom" } } }
      });
    }
  }
  var time = document.getElementById("chart-time");
  if (time && data.framing) {
    new Chart(time, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: "neutral", data: data.framing.neutral, backgroundColor: color("--neutral", "#9aa5b1") },
          { label: "distancing", data: data.framing.distancing, backgroundColor: color("--distancing", "#d9822b") },
          { label: "endorsing", data: data.framing.endorsing, backgroundColor: color("--endorsing", "#2b8a6e") }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false,
                 scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
                 plugins: { legend: { position: "bottom" } } }
    });
  }
  document.documentElement.setAttribute("data-charts", "drawn");
})();
