"""Process measurements for --self-test and the start-up benchmark (no heavy imports)."""

from __future__ import annotations

import os
import sys
import time


def process_age() -> float | None:
    """Seconds since this process started (Linux /proc; psutil elsewhere when present)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        started_ticks = int(fields[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - started_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:
        import psutil

        return time.time() - float(psutil.Process().create_time())
    except Exception:  # noqa: BLE001 - optional measurement only
        return None


def resident_memory_mb() -> tuple[float | None, float | None]:
    """(current, peak) resident memory in MB, where the OS tells."""
    try:
        values = {}
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(rest.split()[0]) / 1024
        return values.get("VmRSS"), values.get("VmHWM")
    except OSError:
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return None, peak / (1024 * 1024 if sys.platform == "darwin" else 1024)
    except (ImportError, OSError):
        return None, None
