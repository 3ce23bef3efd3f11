// Draws the report's charts with ECharts from the figures the page embeds (#report-chart-data), without
// animation, so a printed page or a screenshot never catches a half-drawn chart. The tables hold the same figures.
(function () {
  'use strict';
  function draw() {
    var data = document.getElementById('report-chart-data');
    if (!data || typeof echarts === 'undefined') { return; }
    var figures = JSON.parse(data.textContent);
    var charts = [];
    figures.charts.forEach(function (chart) {
      var box = document.getElementById(chart.id);
      if (!box) { return; }
      var instance = echarts.init(box, null, { renderer: 'canvas' });
      instance.setOption({
        animation: false,
        title: { text: chart.title, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        // levels down the side, highest first: their names are long and stay readable on a phone
        grid: { left: 8, right: 32, top: 36, bottom: 36, containLabel: true },
        yAxis: { type: 'category', inverse: true, data: chart.categories,
          axisLabel: { interval: 0, width: 110, overflow: 'break', lineHeight: 14 } },
        xAxis: { type: 'value', minInterval: 1 },
        color: ['#9b1c1c', '#8a94a0'],
        series: chart.series.map(function (s) {
          return { name: s.name, type: 'bar', data: s.data, label: { show: true, position: 'right' } };
        })
      });
      charts.push(instance);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
