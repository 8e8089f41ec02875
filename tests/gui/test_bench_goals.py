"""The start-up benchmark's goals (issue 20) and the figures' JSON, which keeps its keys."""

from __future__ import annotations

from dataclasses import replace

from send_desk.gui.bench import StartupFigures, within_goals

FIGURES = StartupFigures(
    runs=3, bare_window_s=0.5, unlock_window_s=0.9, unlock_ratio=1.8, unlock_ratio_goal=2.0,
    interactive_s=1.3, interactive_ratio=2.6, interactive_over_bare_s=0.8,
    interactive_over_bare_goal_s=1.0, after_password_s=0.7, bare_wall_s=0.6, app_wall_s=1.5,
    bare_memory_mb=80, app_memory_mb=190,
)  # fmt: skip


def test_the_goals_are_the_unlock_ratio_and_the_time_over_the_bare_window() -> None:
    assert within_goals(FIGURES)
    assert within_goals(replace(FIGURES, unlock_ratio=2.0, interactive_over_bare_s=1.0))
    assert not within_goals(replace(FIGURES, unlock_ratio=2.1))
    assert not within_goals(replace(FIGURES, interactive_over_bare_s=1.01))
    assert not within_goals(replace(FIGURES, unlock_window_s=None, unlock_ratio=None))


def test_the_figures_json_keeps_its_keys_in_order() -> None:
    assert list(FIGURES.as_json()) == [
        "runs", "bare_window_s", "unlock_window_s", "unlock_ratio", "unlock_ratio_goal",
        "interactive_s", "interactive_ratio", "interactive_over_bare_s",
        "interactive_over_bare_goal_s", "after_password_s", "bare_wall_s", "app_wall_s",
        "bare_memory_mb", "app_memory_mb",
    ]  # fmt: skip
    assert FIGURES.as_json()["unlock_ratio"] == 1.8
