#!/usr/bin/env bash
# Installs, configures, starts and stops a real single-node Slurm cluster on this machine, so
# that the tests that submit a Slurm job array can run it here, in CI and on a developer's
# machine alike, without systemd.
#   scripts/slurm_single_node.sh start    (as root) install if needed, start, wait until it takes jobs
#   scripts/slurm_single_node.sh stop     (as root) stop what start started, restore the old config
#   scripts/slurm_single_node.sh status   print running (exit 0) or stopped (exit 1)
#   start and stop exit 2 without root, start exits 1 when the cluster does not come up.
#
# start installs Debian's slurm-wlm and munge with apt-get when slurmctld, slurmd or munged is
# missing, makes a munge key (/etc/munge/munge.key, munge's, mode 400) when there is none, and
# starts munged as user munge unless a munged already answers. It writes /etc/slurm/slurm.conf
# (where Debian's Slurm reads it; a slurm.conf it did not write is moved aside to
# slurm.conf.before-plastic-unet and put back by stop), then starts slurmctld and slurmd as
# daemons and waits (at most 60 s) until the node is idle, resuming it once if it comes up
# down or drained. Running start on a running cluster only checks that it takes jobs. A start
# that fails prints one line naming what failed and the tail of that daemon's log, stops what
# it started and exits 1. stop ends, by their recorded PIDs, the daemons that start started (a
# munged that was there already, or that systemd runs, stays) and removes the slurm.conf.
#
# The settings: cluster plasticunet, one node named by `hostname -s` with $(nproc) CPUs and
# the memory that `slurmd -C` finds (so jobs asking for memory are not refused), reached at
# 127.0.0.1 so that the host name need not resolve, in one partition "debug" without a time
# limit. Daemons and jobs run as root (SlurmUser=root). CPUs are the consumable resource
# (select/cons_tres with CR_CPU), so a two-CPU machine runs two one-CPU tasks at once.
# Processes are tracked through /proc and tasks are not bound (proctrack/linuxproc,
# task/none), so Slurm needs no cgroups and no cgroup.conf; there is no accounting, no job
# accounting gathering and no MPI. ReturnToService=2 returns a node that went down to service
# when it registers again. slurmctld starts with its state cleared (-c), so jobs of an earlier
# start do not come back (job ids go on counting). Slurm's state, spool, logs and PID files
# are all under /var/lib/plastic-unet-slurm.
set -euo pipefail

readonly NAME="slurm_single_node.sh"
readonly STATE_DIR=/var/lib/plastic-unet-slurm
readonly RUN_DIR="$STATE_DIR/run"
readonly LOG_DIR="$STATE_DIR/log"
readonly CONF_DIR=/etc/slurm
readonly CONF="$CONF_DIR/slurm.conf"
readonly CONF_BACKUP="$CONF_DIR/slurm.conf.before-plastic-unet"
readonly CONF_MARK="# Written by scripts/slurm_single_node.sh of plastic-unet; stop removes it."
readonly MUNGE_KEY=/etc/munge/munge.key
readonly MUNGE_LOG=/var/log/munge/munged.log
readonly WAIT_SECONDS=60
starting=no

# fail MESSAGE [LOG]: one line naming what failed, then the log's tail, and exit 1. A start
# that fails stops what it started, so that it leaves a working cluster or none.
fail() {
    echo "$NAME: $1" >&2
    if [ -n "${2:-}" ] && [ -s "$2" ]; then
        echo "--- last lines of $2:" >&2
        tail -n 25 "$2" >&2
    fi
    if [ "$starting" = yes ]; then
        starting=no
        stop
    fi
    exit 1
}

need_root() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "$NAME: needs root" >&2
        exit 2
    fi
}

# is_running PID NAME: whether process PID is NAME and not a zombie.
is_running() { grep -q "^$1 ($2) [^ZX]" "/proc/$1/stat" 2>/dev/null; }

# alive NAME: prints the PID recorded for daemon NAME if that process still runs; else fails.
alive() {
    local pid
    pid="$({ tr -dc 0-9 <"$RUN_DIR/$1.pid"; } 2>/dev/null)" || return 1
    [ -n "$pid" ] && is_running "$pid" "$1" || return 1
    echo "$pid"
}

# runs_other NAME: whether a live process NAME runs that is not the one recorded here.
runs_other() {
    local pid ours
    ours="$(alive "$1")" || ours=""
    for pid in $(pgrep -x "$1" || true); do
        [ "$pid" != "$ours" ] && is_running "$pid" "$1" && return 0
    done
    return 1
}

munge_answers() { munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; }

install_packages() {
    if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null; then
        return
    fi
    echo "$NAME: installing slurm-wlm and munge"
    apt-get update -q || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge \
        || fail "apt-get install -y slurm-wlm munge failed"
    # Where a package's installation started munged itself, it counts as started here.
    if [ -r /run/munge/munged.pid ] && [ "$(cat "/proc/$(cat /run/munge/munged.pid)/comm" 2>/dev/null)" = munged ]; then
        install -d -m 755 "$RUN_DIR"
        cp /run/munge/munged.pid "$RUN_DIR/munged.pid"
    fi
}

start_munge() {
    if alive munged >/dev/null || munge_answers; then
        return # ours from an earlier start, or the machine's own
    fi
    if [ ! -s "$MUNGE_KEY" ]; then
        install -d -o munge -g munge -m 700 /etc/munge
        if command -v mungekey >/dev/null; then
            mungekey --create --keyfile="$MUNGE_KEY" || fail "could not create $MUNGE_KEY"
        else
            dd if=/dev/urandom of="$MUNGE_KEY" bs=1 count=1024 status=none
        fi
    fi
    chown munge:munge "$MUNGE_KEY"
    chmod 400 "$MUNGE_KEY"
    install -d -o munge -g munge -m 755 /run/munge
    install -d -o munge -g munge -m 700 /var/log/munge /var/lib/munge
    rm -f /run/munge/munged.pid
    detached runuser -u munge -- munged || fail "munged did not start" "$MUNGE_LOG"
    local i
    for ((i = 0; i < 50; i++)); do
        munge_answers && break
        sleep 0.2
    done
    munge_answers || fail "munged does not answer (munge -n | unmunge)" "$MUNGE_LOG"
    cp /run/munge/munged.pid "$RUN_DIR/munged.pid"
}

write_config() {
    local host="$1" memory
    if [ -e "$CONF" ] && [ "$(head -n 1 "$CONF")" != "$CONF_MARK" ]; then
        [ -e "$CONF_BACKUP" ] && fail "$CONF is not ours and $CONF_BACKUP exists already: move one away"
        mv "$CONF" "$CONF_BACKUP"
    fi
    memory="$({ slurmd -C 2>/dev/null || true; } | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' | head -n 1)"
    install -d -m 755 "$CONF_DIR"
    cat >"$CONF.tmp" <<EOF
$CONF_MARK
# A single-node cluster for the tests; see the script's header for the settings.
ClusterName=plasticunet
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MailProg=/bin/true
StateSaveLocation=$STATE_DIR/ctld
SlurmdSpoolDir=$STATE_DIR/spool
SlurmctldPidFile=$RUN_DIR/slurmctld.pid
SlurmdPidFile=$RUN_DIR/slurmd.pid
SlurmctldLogFile=$LOG_DIR/slurmctld.log
SlurmdLogFile=$LOG_DIR/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc)${memory:+ RealMemory=$memory} State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
    mv "$CONF.tmp" "$CONF"
}

# start_daemon NAME ARGS...: starts Slurm daemon NAME unless ours runs; waits for its PID file.
# detached: runs a command with none of the caller's files open (stdin, stdout and stderr on
# /dev/null, every other inherited descriptor closed), so that a daemon it starts holds none of
# them: a caller that waits until its child's pipes or sockets close (as some process libraries
# do) then returns when this script ends.
detached() {
    (
        for fd in /proc/self/fd/*; do
            fd="${fd##*/}"
            if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
        done
        exec "$@" </dev/null >/dev/null 2>&1
    )
}

start_daemon() {
    local name="$1" i
    shift
    alive "$name" >/dev/null && return
    rm -f "$RUN_DIR/$name.pid"
    detached "$name" "$@" || fail "$name did not start" "$LOG_DIR/$name.log"
    for ((i = 0; i < 50; i++)); do
        alive "$name" >/dev/null && return
        sleep 0.2
    done
    fail "$name exited after starting" "$LOG_DIR/$name.log"
}

# node_state: the node's state as sinfo reports it, without its flag characters (down* ...).
node_state() { { sinfo -h -o %T 2>/dev/null || true; } | head -n 1 | tr -d '*~#!%$@^-'; }

wait_idle() {
    local host="$1" deadline=$((SECONDS + WAIT_SECONDS)) resumed=no state=""
    while ((SECONDS < deadline)); do
        alive slurmctld >/dev/null || fail "slurmctld exited" "$LOG_DIR/slurmctld.log"
        alive slurmd >/dev/null || fail "slurmd exited" "$LOG_DIR/slurmd.log"
        state="$(node_state)"
        case "$state" in
            idle | mixed | allocated | completing) return ;;
            down* | drain*)
                if [ "$resumed" = no ]; then
                    scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true
                    resumed=yes
                fi
                ;;
        esac
        sleep 1
    done
    fail "node $host is not idle after ${WAIT_SECONDS} s (sinfo: ${state:-no answer}; $(scontrol show node "$host" 2>/dev/null | grep -o 'Reason=.*' || true))" "$LOG_DIR/slurmd.log"
}

start() {
    local host name
    host="$(hostname -s)"
    install_packages
    starting=yes
    install -d -m 755 "$STATE_DIR" "$RUN_DIR" "$LOG_DIR" "$STATE_DIR/ctld" "$STATE_DIR/spool"
    start_munge
    if ! alive slurmctld >/dev/null; then
        for name in slurmctld slurmd; do
            if runs_other "$name"; then
                fail "a $name that this script did not start runs already: stop it first"
            fi
        done
        write_config "$host"
        start_daemon slurmctld -c
    fi
    start_daemon slurmd -N "$host"
    wait_idle "$host"
    echo "$NAME: Slurm runs on $host ($(nproc) CPUs, partition debug)"
}

# stop_daemon NAME: SIGTERM, then SIGKILL after 30 s; waits until the process is gone (the
# Slurm daemons remove their PID files before they have finished).
stop_daemon() {
    local pid i
    pid="$(alive "$1")" || { rm -f "$RUN_DIR/$1.pid"; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do
        is_running "$pid" "$1" || break
        sleep 0.2
    done
    if is_running "$pid" "$1"; then
        kill -KILL "$pid" 2>/dev/null || true
        while is_running "$pid" "$1"; do sleep 0.2; done
    fi
    rm -f "$RUN_DIR/$1.pid"
}

stop() {
    stop_daemon slurmd
    stop_daemon slurmctld
    stop_daemon munged
    if [ -e "$CONF" ] && [ "$(head -n 1 "$CONF")" = "$CONF_MARK" ]; then
        rm -f "$CONF"
    fi
    if [ -e "$CONF_BACKUP" ] && [ ! -e "$CONF" ]; then
        mv "$CONF_BACKUP" "$CONF"
    fi
}

status() {
    if alive slurmctld >/dev/null && alive slurmd >/dev/null; then
        echo running
    else
        echo stopped
        return 1
    fi
}

case "${1:-}" in
    start) need_root; start ;;
    stop) need_root; stop ;;
    status) status ;;
    *) echo "usage: $NAME start|stop|status" >&2; exit 2 ;;
esac
