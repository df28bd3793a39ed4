package remotetest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Process is what /proc/<pid>/stat says of a process: tests use it to find
// the browsers a process started and what a browser left behind.
type Process struct {
	PID, PPID, PGID int
	Comm            string // the executable's name, as the kernel keeps it
	State           string // R, S, Z…
}

// Processes lists the processes running now (zombies included: check State).
func Processes() []Process {
	entries, _ := os.ReadDir("/proc")
	var procs []Process
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if p, ok := ReadProcess(pid); ok {
			procs = append(procs, p)
		}
	}
	return procs
}

// ReadProcess reads one process; false when it is gone.
func ReadProcess(pid int) (Process, bool) {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return Process{}, false
	}
	// "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
	head, rest, ok := strings.Cut(string(data), ") ")
	fields := strings.Fields(rest)
	if !ok || len(fields) < 3 {
		return Process{}, false
	}
	_, comm, _ := strings.Cut(head, " (")
	ppid, _ := strconv.Atoi(fields[1])
	pgid, _ := strconv.Atoi(fields[2])
	return Process{PID: pid, PPID: ppid, PGID: pgid, Comm: comm, State: fields[0]}, true
}
