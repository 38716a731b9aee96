#!/bin/sh
# rwmutexonce: sync.RWMutex (readers, writers, TryLock, TryRLock) and sync.Once with goroutines under
# GOMAXPROCS=1 (one P, as gcsh schedules), three runs.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./rwmutexonce
REPS=${REPS:-3}
. "$(dirname "$0")/../lib.sh"
record GOMAXPROCS=1
