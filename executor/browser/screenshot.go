package browser

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/go-rod/rod/lib/cdp"
	"github.com/go-rod/rod/lib/proto"
)

// failureShotTimeout bounds the screenshot taken after a failure. It is
// taken once per failed flow and is what a person looks at first, so it gets
// time even on a busy machine (3 s was seen to run out there, right after a
// failed navigation while Chromium swaps in its error page).
const failureShotTimeout = 10 * time.Second

var pngScreenshot = &proto.PageCaptureScreenshot{Format: proto.PageCaptureScreenshotFormatPng}

// failureScreenshot captures the page after a failure, unless the flow was
// cancelled or the browser is gone; a flow that ran out of time still gets one.
func (s *Session) failureScreenshot(ctx context.Context) []byte {
	if s.ctx.Err() != nil || (ctx.Err() != nil && !errors.Is(ctx.Err(), context.DeadlineExceeded)) {
		return nil
	}
	shotCtx, cancel := s.stepContext(context.WithoutCancel(ctx), failureShotTimeout)
	defer cancel()
	for {
		shot, err := s.page.Context(shotCtx).Screenshot(false, pngScreenshot)
		if err == nil {
			return shot
		}
		// Right after a failed navigation Chromium is still swapping in its
		// error page and answers "not attached"; it is ready a moment later.
		if !errors.Is(err, cdp.ErrNotAttachedToActivePage) || sleep(shotCtx, 50*time.Millisecond) != nil {
			s.pool.log.Warn("failure screenshot", "browser", s.in.id, "err", err)
			return nil
		}
	}
}

func (r *stepRun) screenshot() error {
	shot, err := r.page.Screenshot(false, pngScreenshot)
	if err != nil {
		return fmt.Errorf("take a screenshot: %w", err)
	}
	r.shot = shot
	r.shotName = r.step.Name
	if r.shotName == "" {
		r.shotName = fmt.Sprintf("line-%d", r.step.Line)
	}
	return nil
}
