package live

import (
	"encoding/json"
	"strconv"
	"strings"
)

// sharingKey identifies the subscribers that may share one evaluation:
// same auth scope, operation name, query text and variables. Variables are
// re-encoded, which sorts object keys, so their order does not matter.
// Fields are length-prefixed so that no two different tuples collide. It
// reports false if the variables cannot be encoded; such a subscription
// gets an evaluation of its own.
func sharingKey(scope, operationName, query string, variables map[string]any) (string, bool) {
	vars, err := json.Marshal(variables)
	if err != nil {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(scope) + len(operationName) + len(query) + len(vars) + 32)
	for _, part := range []string{scope, operationName, query, string(vars)} {
		b.WriteString(strconv.Itoa(len(part)))
		b.WriteByte(':')
		b.WriteString(part)
	}
	return b.String(), true
}
