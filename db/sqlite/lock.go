package sqlite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// LockFileName is the file in the data directory that the owning process
// holds an exclusive lock on, and that names it.
const LockFileName = "LOCK"

// ErrLocked means another process holds the data directory.
var ErrLocked = errors.New("the data directory is in use by another process")

// dirLock is an exclusive hold on a data directory: two servers writing one
// SQLite file would each miss the other's live updates and leases. The lock
// is the kernel's (flock), so it is released when the holder dies, however
// it dies.
type dirLock struct{ file *os.File }

// lockDir takes the data directory's lock, or fails naming the process that
// holds it. existed reports whether the directory had been used before.
func lockDir(dir string) (lock *dirLock, existed bool, err error) {
	path := filepath.Join(dir, LockFileName)
	_, statErr := os.Stat(path)
	existed = statErr == nil
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, false, fmt.Errorf("open the lock file: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder := "another process"
		if raw, readErr := os.ReadFile(path); readErr == nil {
			if pid, convErr := strconv.Atoi(strings.TrimSpace(string(raw))); convErr == nil {
				holder = fmt.Sprintf("process %d", pid)
			}
		}
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false, fmt.Errorf("%w: %s holds %s; stop it, or give this server another data directory (DATA_DIR)", ErrLocked, holder, path)
		}
		return nil, false, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &dirLock{file: f}, existed, nil
}

// release lets another process take the directory. The file stays: it marks
// the directory as used.
func (l *dirLock) release() error {
	if l == nil {
		return nil
	}
	return l.file.Close() // closing drops the flock
}
