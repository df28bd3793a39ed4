package auth

import (
	"encoding/json"
	"net/http"
)

// WriteError answers in the shape of a GraphQL response, so clients show
// the message and code as they show any other API error.
func WriteError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": message, "extensions": map[string]any{"code": code}}},
	})
}
