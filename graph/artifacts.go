package graph

import (
	"log/slog"
	"net/http"
	"strconv"

	"github.com/testing-agent/backend/db"
)

// ArtifactHandler serves GET /artifacts/{id} (executor.ArtifactPath) from the store.
func ArtifactHandler(store db.RunStore) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		a, data, err := store.GetArtifact(r.Context(), id)
		switch db.ErrorCode(err) {
		case "":
		case db.ErrInvalid:
			http.Error(w, db.ErrorMessage(err), http.StatusBadRequest)
			return
		case db.ErrNotFound:
			http.Error(w, db.ErrorMessage(err), http.StatusNotFound)
			return
		default:
			slog.ErrorContext(r.Context(), "serve artifact", "id", id, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", a.ContentType)
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		// Artifacts never change once written.
		w.Header().Set("Cache-Control", "private, max-age=31536000, immutable")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(data)
	})
}
