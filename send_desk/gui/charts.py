"""Qt Charts helpers shared by the Reports and Supervision pages: a chart in a view,
filled with grouped or stacked bars, or a pie."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter

PALETTE = ("#1565c0", "#2e7d32", "#ef6c00", "#c62828", "#6a1b9a", "#00838f", "#546e7a")


def _wrapped(label: str, width: int) -> str:
    return "<br>".join(html.escape(line) for line in textwrap.wrap(label, width)) or label


def make_chart(title: str) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundVisible(False)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(title)
    view.setMinimumHeight(240)
    return chart, view


_MAX_UNIT_TICKS = 8  # up to this, one tick a unit


def fill_bar_chart(
    chart: QChart,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    horizontal: bool = False,
    stacked: bool = False,
    colours: Sequence[str] | None = None,
    maximum: float | None = None,
    suffix: str = "",
    wrap: int | None = None,
) -> None:
    """Replace a chart's content with grouped (or stacked) bars: one set a series, one
    group a category. ``wrap``: break category labels longer than that many characters
    onto lines (where the chart is tall enough for every label on two lines)."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    bars: QAbstractBarSeries
    if stacked:
        bars = QHorizontalStackedBarSeries() if horizontal else QStackedBarSeries()
    else:
        bars = QHorizontalBarSeries() if horizontal else QBarSeries()
    colours = colours or PALETTE
    top = 0.0
    totals = [0.0] * len(categories)
    for number, (name, values) in enumerate(series):
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(colours[number % len(colours)]))
        for index, value in enumerate(values):
            bar_set.append(float(value or 0))
            top = max(top, float(value or 0))
            if index < len(totals):
                totals[index] += float(value or 0)
        bars.append(bar_set)
    if stacked:
        top = max(totals, default=0.0)
    bars.setLabelsVisible(len(categories) <= 8)
    chart.addSeries(bars)
    labels = QBarCategoryAxis()
    # long labels beside a horizontal chart share its width with the bars: broken onto
    # lines (Qt Charts draws labels as rich text) they no longer run off the left edge
    labels.append([_wrapped(c, wrap) for c in categories] if wrap else list(categories))
    labels.setTruncateLabels(False)  # short names, shown whole rather than "…"
    scale = QValueAxis()
    upper = maximum if maximum is not None else max(1.0, top * 1.1)
    if suffix == "%" and maximum is None and top <= 100:
        upper = min(upper, 100.0)  # a share never goes past all of it
    scale.setRange(0, upper)
    scale.setLabelFormat(f"%.0f{suffix}")
    if maximum is None:
        scale.applyNiceNumbers()
    if scale.max() <= _MAX_UNIT_TICKS:
        # labels are whole numbers: ticks between them would read "0, 1, 1, 2"
        scale.setTickCount(round(scale.max()) + 1)
    chart.addAxis(
        labels, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
    )
    chart.addAxis(scale, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(labels)
    bars.attachAxis(scale)
    chart.legend().setVisible(len(series) > 1)


def fill_pie_chart(chart: QChart, slices: Sequence[tuple[str, float]]) -> None:
    chart.removeAllSeries()
    pie = QPieSeries()
    for number, (label, value) in enumerate(slices):
        if value:
            piece = pie.append(f"{label} ({value:.0f})", float(value))
            piece.setColor(QColor(PALETTE[number % len(PALETTE)]))
    chart.addSeries(pie)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    chart.legend().setVisible(True)
