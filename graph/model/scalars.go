// Package model holds the GraphQL-only types (generated) and the marshalling
// of the custom scalars. Entities themselves are the db package's types.
package model

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// isoMillis is JavaScript's Date#toISOString format, which the seed's
// front end parses.
const isoMillis = "2006-01-02T15:04:05.000Z"

// MarshalDateTime writes t as an ISO-8601 UTC string with milliseconds.
func MarshalDateTime(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		var buf [len(isoMillis) + 2]byte
		b := append(buf[:0], '"')
		b = t.UTC().AppendFormat(b, isoMillis)
		b = append(b, '"')
		_, _ = w.Write(b)
	})
}

// UnmarshalDateTime accepts an RFC 3339 string in any offset.
func UnmarshalDateTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, fmt.Errorf("a DateTime must be an ISO-8601 string such as %q", isoMillis)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s is not an ISO-8601 date-time such as %s", strconv.Quote(s), "2026-11-25T15:04:05.000Z")
	}
	return t.UTC(), nil
}

// MarshalRawJSON writes stored JSON as it is; absent data is null.
func MarshalRawJSON(raw json.RawMessage) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		if len(raw) == 0 {
			_, _ = io.WriteString(w, "null")
			return
		}
		_, _ = w.Write(raw)
	})
}

// UnmarshalRawJSON takes any JSON value from a query or its variables.
func UnmarshalRawJSON(v any) (json.RawMessage, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("not a JSON value: %w", err)
	}
	return raw, nil
}
