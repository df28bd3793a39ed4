package mongo

import (
	"encoding/json"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/testing-agent/backend/db"
)

// The structs below are the stored form of the domain types: camelCase
// names, ObjectIDs for IDs and references, BSON dates for times. Each has a
// toDomain method; nothing else converts between the two.

type sessionDoc struct {
	ID             bson.ObjectID       `bson:"_id"`
	Name           string              `bson:"name"`
	Prompt         string              `bson:"prompt"`
	Status         db.SessionStatus    `bson:"status"`
	CreatedAt      time.Time           `bson:"createdAt"`
	StartedAt      *time.Time          `bson:"startedAt,omitempty"`
	CompletedAt    *time.Time          `bson:"completedAt,omitempty"`
	TotalFlows     int64               `bson:"totalFlows"`
	CompletedFlows int64               `bson:"completedFlows"`
	FailedFlows    int64               `bson:"failedFlows"`
	RunFlows       int64               `bson:"runFlows"`
	Metadata       *sessionMetadataDoc `bson:"metadata,omitempty"`
	// FlowSeq is the next flow order to hand out. It only grows, so orders
	// stay unique even when flows are deleted or a crash skips a block.
	FlowSeq int64 `bson:"flowSeq"`
}

type sessionMetadataDoc struct {
	EstimatedDuration *int64  `bson:"estimatedDuration,omitempty"`
	ActualDuration    *int64  `bson:"actualDuration,omitempty"`
	ErrorMessage      *string `bson:"errorMessage,omitempty"`
}

func (d *sessionDoc) toDomain() *db.TestSession {
	s := &db.TestSession{
		ID:             d.ID.Hex(),
		Name:           d.Name,
		Prompt:         d.Prompt,
		Status:         d.Status,
		CreatedAt:      utc(d.CreatedAt),
		StartedAt:      utcPtr(d.StartedAt),
		CompletedAt:    utcPtr(d.CompletedAt),
		TotalFlows:     int(d.TotalFlows),
		CompletedFlows: int(d.CompletedFlows),
		FailedFlows:    int(d.FailedFlows),
		RunFlows:       int(d.RunFlows),
	}
	// A run's end unsets fields inside metadata, which can leave it empty:
	// that reads as no metadata, as in every backend.
	if m := d.Metadata; m != nil && (m.EstimatedDuration != nil || m.ActualDuration != nil || m.ErrorMessage != nil) {
		s.Metadata = &db.SessionMetadata{
			EstimatedDuration: m.EstimatedDuration,
			ActualDuration:    m.ActualDuration,
			ErrorMessage:      m.ErrorMessage,
		}
	}
	return s
}

type flowDoc struct {
	ID           bson.ObjectID `bson:"_id"`
	SessionID    bson.ObjectID `bson:"sessionId"`
	Name         string        `bson:"name"`
	Description  string        `bson:"description"`
	Instructions string        `bson:"instructions"`
	Approved     bool          `bson:"approved"`
	Status       db.FlowStatus `bson:"status"`
	Order        int64         `bson:"order"`
	CreatedAt    time.Time     `bson:"createdAt"`
	StartedAt    *time.Time    `bson:"startedAt,omitempty"`
	CompletedAt  *time.Time    `bson:"completedAt,omitempty"`
	DurationMs   *int64        `bson:"durationMs,omitempty"`
	Error        *string       `bson:"error,omitempty"`
	// Run state (run.go). A flow is queued while queuedAt is set (absent
	// or null otherwise); leaseOwner and leaseExpires are set while a
	// worker runs it. Documents written before runs existed lack them all.
	QueuedAt     *time.Time `bson:"queuedAt,omitempty"`
	Attempts     int64      `bson:"attempts"`
	Steps        []stepDoc  `bson:"steps,omitempty"`
	LeaseOwner   *string    `bson:"leaseOwner,omitempty"`
	LeaseExpires *time.Time `bson:"leaseExpires,omitempty"`
}

// stepDoc is one step's result; screenshotId references an artifact.
type stepDoc struct {
	Line         int64          `bson:"line"`
	Source       string         `bson:"source"`
	Status       string         `bson:"status"`
	DurationMs   int64          `bson:"durationMs"`
	Error        *string        `bson:"error,omitempty"`
	ScreenshotID *bson.ObjectID `bson:"screenshotId,omitempty"`
}

// newStepDocs converts a run's step results; a screenshot ID that is not
// an artifact's ID is refused.
func newStepDocs(steps []db.StepResult) ([]stepDoc, error) {
	out := make([]stepDoc, len(steps))
	for i, st := range steps {
		shot, err := parseOptionalID(fmt.Sprintf("steps[%d].screenshotId", i), st.ScreenshotID)
		if err != nil {
			return nil, err
		}
		out[i] = stepDoc{Line: int64(st.Line), Source: st.Source, Status: st.Status,
			DurationMs: st.DurationMs, Error: st.Error, ScreenshotID: shot}
	}
	return out, nil
}

func (d *flowDoc) toDomain() *db.TestFlow {
	var steps []db.StepResult
	if len(d.Steps) > 0 {
		steps = make([]db.StepResult, len(d.Steps))
		for i, st := range d.Steps {
			steps[i] = db.StepResult{Line: int(st.Line), Source: st.Source, Status: st.Status,
				DurationMs: st.DurationMs, Error: st.Error, ScreenshotID: hexOf(st.ScreenshotID)}
		}
	}
	return &db.TestFlow{
		ID:           d.ID.Hex(),
		SessionID:    d.SessionID.Hex(),
		Name:         d.Name,
		Description:  d.Description,
		Instructions: d.Instructions,
		Approved:     d.Approved,
		Status:       d.Status,
		Order:        int(d.Order),
		CreatedAt:    utc(d.CreatedAt),
		StartedAt:    utcPtr(d.StartedAt),
		CompletedAt:  utcPtr(d.CompletedAt),
		DurationMs:   d.DurationMs,
		Error:        d.Error,
		Queued:       d.QueuedAt != nil,
		Attempts:     int(d.Attempts),
		Steps:        steps,
	}
}

type browserSessionDoc struct {
	ID           bson.ObjectID       `bson:"_id"`
	SessionID    bson.ObjectID       `bson:"sessionId"`
	FlowID       *bson.ObjectID      `bson:"flowId,omitempty"`
	Status       db.BrowserStatus    `bson:"status"`
	BrowserType  string              `bson:"browserType"`
	StartedAt    time.Time           `bson:"startedAt"`
	LastActivity time.Time           `bson:"lastActivity"`
	Metadata     *browserMetadataDoc `bson:"metadata,omitempty"`
}

type browserMetadataDoc struct {
	Version   string       `bson:"version"`
	UserAgent string       `bson:"userAgent"`
	Viewport  *viewportDoc `bson:"viewport,omitempty"`
	Endpoint  string       `bson:"endpoint,omitempty"` // a remote browser's (BROWSER_URLS)
}

type viewportDoc struct {
	Width  int64 `bson:"width"`
	Height int64 `bson:"height"`
}

func newBrowserMetadataDoc(m *db.BrowserMetadata) *browserMetadataDoc {
	if m == nil {
		return nil
	}
	d := &browserMetadataDoc{Version: m.Version, UserAgent: m.UserAgent, Endpoint: m.Endpoint}
	if v := m.Viewport; v != nil {
		d.Viewport = &viewportDoc{Width: int64(v.Width), Height: int64(v.Height)}
	}
	return d
}

func (d *browserSessionDoc) toDomain() *db.BrowserSession {
	b := &db.BrowserSession{
		ID:           d.ID.Hex(),
		SessionID:    d.SessionID.Hex(),
		FlowID:       hexOf(d.FlowID),
		Status:       d.Status,
		BrowserType:  d.BrowserType,
		StartedAt:    utc(d.StartedAt),
		LastActivity: utc(d.LastActivity),
	}
	if m := d.Metadata; m != nil {
		b.Metadata = &db.BrowserMetadata{Version: m.Version, UserAgent: m.UserAgent, Endpoint: m.Endpoint}
		if v := m.Viewport; v != nil {
			b.Metadata.Viewport = &db.Viewport{Width: int(v.Width), Height: int(v.Height)}
		}
	}
	return b
}

type executionLogDoc struct {
	ID               bson.ObjectID  `bson:"_id"`
	SessionID        bson.ObjectID  `bson:"sessionId"`
	FlowID           *bson.ObjectID `bson:"flowId,omitempty"`
	BrowserSessionID *bson.ObjectID `bson:"browserSessionId,omitempty"`
	Level            db.LogLevel    `bson:"level"`
	Message          string         `bson:"message"`
	Timestamp        time.Time      `bson:"timestamp"`
	// Data is the log line's JSON as a native BSON value; zero when absent.
	Data bson.RawValue `bson:"data,omitempty"`
}

func (d *executionLogDoc) toDomain() (*db.ExecutionLog, error) {
	l := &db.ExecutionLog{
		ID:               d.ID.Hex(),
		SessionID:        d.SessionID.Hex(),
		FlowID:           hexOf(d.FlowID),
		BrowserSessionID: hexOf(d.BrowserSessionID),
		Level:            d.Level,
		Message:          d.Message,
		Timestamp:        utc(d.Timestamp),
	}
	if !d.Data.IsZero() {
		data, err := bsonToJSON(d.Data)
		if err != nil {
			return nil, err
		}
		l.Data = json.RawMessage(data)
	}
	return l, nil
}

type systemStatsDoc struct {
	ID                 bson.ObjectID          `bson:"_id"`
	Timestamp          time.Time              `bson:"timestamp"`
	ActiveSessions     int64                  `bson:"activeSessions"`
	ActiveBrowsers     int64                  `bson:"activeBrowsers"`
	TotalFlowsExecuted int64                  `bson:"totalFlowsExecuted"`
	Metrics            *performanceMetricsDoc `bson:"metrics,omitempty"`
}

type performanceMetricsDoc struct {
	QueueDepth        int64  `bson:"queueDepth"`
	AvgFlowDurationMs *int64 `bson:"avgFlowDurationMs,omitempty"`
	MemoryBytes       *int64 `bson:"memoryBytes,omitempty"`
	Subscribers       int64  `bson:"subscribers"`
}

func (d *systemStatsDoc) toDomain() *db.SystemStats {
	s := &db.SystemStats{
		ID:                 d.ID.Hex(),
		Timestamp:          utc(d.Timestamp),
		ActiveSessions:     int(d.ActiveSessions),
		ActiveBrowsers:     int(d.ActiveBrowsers),
		TotalFlowsExecuted: int(d.TotalFlowsExecuted),
	}
	if m := d.Metrics; m != nil {
		s.Metrics = &db.PerformanceMetrics{
			QueueDepth:        int(m.QueueDepth),
			AvgFlowDurationMs: m.AvgFlowDurationMs,
			MemoryBytes:       m.MemoryBytes,
			Subscribers:       int(m.Subscribers),
		}
	}
	return s
}

// artifactFileDoc is an artifact's files document in the GridFS bucket
// (artifacts.go): the driver writes _id, length, chunkSize, uploadDate and
// filename (the artifact's name), the store its metadata.
type artifactFileDoc struct {
	ID         bson.ObjectID       `bson:"_id"`
	Length     int64               `bson:"length"`
	UploadDate time.Time           `bson:"uploadDate"`
	Metadata   artifactMetadataDoc `bson:"metadata"`
}

type artifactMetadataDoc struct {
	SessionID   bson.ObjectID `bson:"sessionId"`
	FlowID      bson.ObjectID `bson:"flowId"`
	Name        string        `bson:"name"`
	ContentType string        `bson:"contentType"`
}

func (d *artifactFileDoc) toDomain() *db.Artifact {
	return &db.Artifact{
		ID:          d.ID.Hex(),
		SessionID:   d.Metadata.SessionID.Hex(),
		FlowID:      d.Metadata.FlowID.Hex(),
		Name:        d.Metadata.Name,
		ContentType: d.Metadata.ContentType,
		Size:        int(d.Length),
		CreatedAt:   utc(d.UploadDate),
	}
}

// storedTime is t as a BSON date holds it: UTC, whole milliseconds.
func storedTime(t time.Time) time.Time {
	return t.UTC().Truncate(time.Millisecond)
}

func utc(t time.Time) time.Time { return t.UTC() }

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
