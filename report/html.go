package report

import (
	"context"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/testing-agent/backend/db"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"seconds": seconds,
	"when": func(t *time.Time) string {
		if t == nil {
			return "—"
		}
		return t.UTC().Format("2006-01-02 15:04:05 UTC")
	},
}).Parse(htmlSource))

// htmlStep is a step with its screenshot inlined.
type htmlStep struct {
	db.StepResult
	Screenshot template.URL // a data: URI, or empty
}

type htmlFlow struct {
	*db.TestFlow
	Outcome string // passed, failed or skipped
	Steps   []htmlStep
}

type htmlPage struct {
	Session                 *db.TestSession
	Flows                   []htmlFlow
	Passed, Failed, Skipped int
	Duration                *int64
	Generated               string
}

// Screenshots reads artifacts; db.Store is one.
type Screenshots interface {
	GetArtifact(ctx context.Context, id string) (*db.Artifact, []byte, error)
}

// WriteHTML writes the run as one self-contained HTML page: styles inline,
// screenshots as data: URIs, no scripts, nothing loaded from elsewhere.
func WriteHTML(ctx context.Context, w io.Writer, r *Run, shots Screenshots) error {
	page := htmlPage{Session: r.Session, Duration: r.runDuration(), Generated: time.Now().UTC().Format(time.RFC3339)}
	for _, f := range r.Flows {
		hf := htmlFlow{TestFlow: f}
		switch outcomeOf(f) {
		case passed:
			hf.Outcome = "passed"
			page.Passed++
		case failed:
			hf.Outcome = "failed"
			page.Failed++
		default:
			hf.Outcome = "skipped"
			page.Skipped++
		}
		for _, st := range f.Steps {
			hs := htmlStep{StepResult: st}
			if st.ScreenshotID != nil {
				hs.Screenshot = inlineImage(ctx, shots, *st.ScreenshotID)
			}
			hf.Steps = append(hf.Steps, hs)
		}
		page.Flows = append(page.Flows, hf)
	}
	if err := htmlTemplate.Execute(w, page); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}

// inlineImage reads an image artifact as a data: URI; a missing one is left
// out (the report still says the step failed).
func inlineImage(ctx context.Context, shots Screenshots, id string) template.URL {
	a, data, err := shots.GetArtifact(ctx, id)
	if err != nil {
		slog.WarnContext(ctx, "report: screenshot unavailable", "artifact", id, "err", err)
		return ""
	}
	if !strings.HasPrefix(a.ContentType, "image/") {
		return ""
	}
	// Safe as a URL: the content type is an image type from the store and
	// the payload is base64.
	return template.URL("data:" + a.ContentType + ";base64," + base64.StdEncoding.EncodeToString(data))
}
