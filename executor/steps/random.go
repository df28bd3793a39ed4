package steps

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// randomValues make the {{random.*}} run variables: fresh data for sign-up
// forms that refuse a value used before.
var randomValues = map[string]func() string{
	"random.email":  func() string { return "user." + randomWord() + "@example.com" },
	"random.string": randomWord,
	"random.number": randomNumber,
	"random.uuid":   randomUUID,
}

// randomWord is 10 lowercase letters and digits.
func randomWord() string {
	return strings.ToLower(rand.Text()[:10])
}

// randomNumber is 6 digits, the first not 0.
func randomNumber() string {
	var b [4]byte
	_, _ = rand.Read(b[:]) // never returns an error
	return fmt.Sprint(100000 + binary.BigEndian.Uint32(b[:])%900000)
}

// randomUUID is a version 4 UUID.
func randomUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // never returns an error
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func randomNames() string {
	names := slices.Sorted(maps.Keys(randomValues))
	return strings.Join(names, ", ")
}
