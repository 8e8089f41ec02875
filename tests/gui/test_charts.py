"""Bar charts' value axes read as a person counts: whole numbers once each, shares up to 100%."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QValueAxis
from pytestqt.qtbot import QtBot

from send_desk.gui.charts import fill_bar_chart


def _labels(chart: QChart) -> list[str]:
    (scale,) = [a for a in chart.axes() if isinstance(a, QValueAxis)]
    count = scale.tickCount()
    step = (scale.max() - scale.min()) / (count - 1)
    return [f"{scale.min() + step * n:.0f}" for n in range(count)]


def test_one_audit_in_a_month_is_counted_0_1_2_not_0_1_1_2(qtbot: QtBot) -> None:
    chart = QChart()
    fill_bar_chart(chart, ["Nov 26", "Dec 26"], [("Good", [0, 1])], stacked=True)
    labels = _labels(chart)
    assert len(labels) == len(set(labels)), labels
    assert labels[0] == "0" and "1" in labels


def test_a_share_of_100_percent_stops_at_100(qtbot: QtBot) -> None:
    chart = QChart()
    fill_bar_chart(chart, ["Provision is quantified"], [("Failed", [100])],
                   horizontal=True, suffix="%")  # fmt: skip
    (scale,) = [a for a in chart.axes() if isinstance(a, QValueAxis)]
    assert scale.max() == 100


def test_large_counts_keep_the_axis_default_ticks(qtbot: QtBot) -> None:
    chart = QChart()
    fill_bar_chart(chart, ["Dec 26"], [("Good", [40])])
    labels = _labels(chart)
    assert len(labels) == len(set(labels)) and float(labels[-1]) >= 40
