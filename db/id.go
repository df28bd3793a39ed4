package db

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// IDs are MongoDB ObjectIDs in their 24-digit lowercase hex form on every
// backend, so data and URLs move between backends unchanged. An ObjectID is
// 4 bytes of Unix seconds, 5 bytes chosen at random once per process, and a
// 3-byte counter: IDs made by one process sort in the order they were made.

var (
	processUnique [5]byte
	idCounter     atomic.Uint32
)

func init() {
	var seed [8]byte
	if _, err := rand.Read(processUnique[:]); err != nil {
		panic("db: no randomness for ObjectIDs: " + err.Error())
	}
	if _, err := rand.Read(seed[:]); err != nil {
		panic("db: no randomness for ObjectIDs: " + err.Error())
	}
	// Start in the lower half of the 24-bit range so the counter does not wrap
	// (and break creation order within a second) for millions of IDs.
	idCounter.Store(binary.BigEndian.Uint32(seed[:4]) & (1<<23 - 1))
}

// NewID returns a new ObjectID in hex.
func NewID() string {
	return newIDAt(time.Now())
}

func newIDAt(t time.Time) string {
	var b [12]byte
	binary.BigEndian.PutUint32(b[0:4], uint32(t.Unix()))
	copy(b[4:9], processUnique[:])
	c := idCounter.Add(1)
	b[9], b[10], b[11] = byte(c>>16), byte(c>>8), byte(c)
	return hex.EncodeToString(b[:])
}

// ValidID reports whether s is a 24-digit lowercase hex ObjectID.
func ValidID(s string) bool {
	if len(s) != 24 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// CheckID returns an ErrInvalid error naming field when id is not an ObjectID.
func CheckID(field, id string) error {
	if !ValidID(id) {
		return Invalidf(field, "%s %q is not a valid ID: IDs are 24 lowercase hexadecimal digits, as returned in `id`", field, truncateForMessage(id))
	}
	return nil
}

// truncateForMessage keeps error messages short when echoing user input.
func truncateForMessage(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}

// Now returns the current time as every store keeps it: UTC, whole
// milliseconds (BSON dates and JavaScript's Date have no finer precision).
func Now() time.Time {
	return time.Now().UTC().Truncate(time.Millisecond)
}
