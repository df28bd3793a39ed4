package mongo

import (
	"errors"
	"strings"

	"go.mongodb.org/mongo-driver/v2/mongo"
)

// streamErrorKind says how the change-stream loop recovers from an error.
type streamErrorKind int

const (
	// streamErrResumable: the stream broke but its history is intact (a
	// network error, an election, a shutdown). Reopen after the last token:
	// nothing is lost or repeated.
	streamErrResumable streamErrorKind = iota
	// streamErrLost: the server cannot continue from the token (history
	// rolled off the oplog, token unknown) or refuses for a reason a retry
	// from the token will not fix. Open a fresh stream and have every live
	// query re-read.
	streamErrLost
	// streamErrUnsupported: the deployment has no change streams
	// (standalone mongod, FerretDB).
	streamErrUnsupported
)

// Server codes and labels of change-stream errors.
const (
	codeCursorNotFound         = 43
	codeChangeStreamNotOnRS    = 40573 // "only supported on replica sets"
	labelResumableChangeStream = "ResumableChangeStreamError"
	labelNetworkError          = "NetworkError"
)

// classifyStreamError follows the driver's own rule for resuming (it has
// already resumed once by itself before an error reaches us): every server
// this driver supports (4.4+) labels resumable errors, and errors that are
// not server replies (network, server selection, timeouts) are resumable.
// Anything else the server answers means the token will not do.
func classifyStreamError(err error) streamErrorKind {
	var ce mongo.CommandError
	if !errors.As(err, &ce) || ce.Code == 0 {
		return streamErrResumable
	}
	switch {
	case ce.HasErrorLabel(labelResumableChangeStream),
		ce.HasErrorLabel(labelNetworkError),
		ce.Code == codeCursorNotFound:
		return streamErrResumable
	case ce.Code == codeChangeStreamNotOnRS,
		ce.Code == codeNotImplemented,
		strings.Contains(ce.Message, "only supported on replica sets"):
		return streamErrUnsupported
	default:
		// ChangeStreamHistoryLost (286), ChangeStreamFatalError (280), ...
		return streamErrLost
	}
}
