package planner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

// DefaultLLMTimeout bounds one chat-completions request.
const DefaultLLMTimeout = 60 * time.Second

// LLMConfig points the planner at an OpenAI-compatible chat-completions
// endpoint: OpenAI, Azure-style proxies, Ollama, vLLM, llama.cpp's server…
type LLMConfig struct {
	BaseURL string        // e.g. https://api.openai.com/v1; the planner POSTs to BaseURL/chat/completions
	Model   string        // e.g. gpt-4o-mini, llama3.1
	APIKey  string        // sent as "Authorization: Bearer …" when set
	Timeout time.Duration // per request; default DefaultLLMTimeout
	// HTTPClient, if set, sends the requests; nil uses a plain client.
	HTTPClient *http.Client
}

// LLMConfigFromEnv reads LLM_BASE_URL, LLM_MODEL, LLM_API_KEY and the
// optional LLM_TIMEOUT (a Go duration such as 90s). It returns nil when
// LLM_BASE_URL is unset: the built-in planner only.
func LLMConfigFromEnv() *LLMConfig {
	base := strings.TrimSpace(os.Getenv("LLM_BASE_URL"))
	if base == "" {
		return nil
	}
	c := &LLMConfig{BaseURL: base, Model: strings.TrimSpace(os.Getenv("LLM_MODEL")), APIKey: strings.TrimSpace(os.Getenv("LLM_API_KEY"))}
	if d, err := time.ParseDuration(strings.TrimSpace(os.Getenv("LLM_TIMEOUT"))); err == nil && d > 0 {
		c.Timeout = d
	}
	return c
}

// llmClient speaks the chat-completions protocol.
type llmClient struct {
	endpoint string
	model    string
	key      string
	timeout  time.Duration
	http     *http.Client
}

func newLLMClient(c LLMConfig) (*llmClient, error) {
	u, err := url.Parse(strings.TrimSpace(c.BaseURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("LLM_BASE_URL %q is not an http(s) URL", c.BaseURL)
	}
	if c.Model == "" {
		return nil, errors.New("LLM_MODEL is not set")
	}
	client := c.HTTPClient
	if client == nil {
		client = &http.Client{}
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultLLMTimeout
	}
	return &llmClient{
		endpoint: strings.TrimRight(u.String(), "/") + "/chat/completions",
		model:    c.Model, key: c.APIKey, timeout: timeout, http: client,
	}, nil
}

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatRequest struct {
	Model          string          `json:"model"`
	Messages       []chatMessage   `json:"messages"`
	Temperature    float64         `json:"temperature"`
	ResponseFormat *responseFormat `json:"response_format,omitempty"`
}

type responseFormat struct {
	Type string `json:"type"`
}

type chatResponse struct {
	Choices []struct {
		Message      chatMessage `json:"message"`
		FinishReason string      `json:"finish_reason"`
	} `json:"choices"`
	Error *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// mostResponseBytes bounds what is read of an answer.
const mostResponseBytes = 4 << 20

// complete sends the conversation and returns the assistant's reply.
func (c *llmClient) complete(ctx context.Context, messages []chatMessage) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	body, err := json.Marshal(chatRequest{Model: c.model, Messages: messages, Temperature: 0.2,
		ResponseFormat: &responseFormat{Type: "json_object"}})
	if err != nil {
		return "", fmt.Errorf("encode the request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("make the request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if c.key != "" {
		req.Header.Set("Authorization", "Bearer "+c.key)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return "", fmt.Errorf("no answer from %s within %s", c.endpoint, c.timeout)
		}
		return "", fmt.Errorf("call %s: %w", c.endpoint, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, mostResponseBytes))
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return "", fmt.Errorf("no complete answer from %s within %s", c.endpoint, c.timeout)
		}
		return "", fmt.Errorf("read the answer of %s: %w", c.endpoint, err)
	}
	var answer chatResponse
	jsonErr := json.Unmarshal(raw, &answer)
	if resp.StatusCode/100 != 2 {
		msg := clip(strings.TrimSpace(string(raw)), 300)
		if jsonErr == nil && answer.Error != nil {
			msg = answer.Error.Message
		}
		return "", fmt.Errorf("%s answered HTTP %d: %s", c.endpoint, resp.StatusCode, msg)
	}
	if jsonErr != nil {
		return "", fmt.Errorf("the answer of %s is not chat-completions JSON: %w", c.endpoint, jsonErr)
	}
	if len(answer.Choices) == 0 || strings.TrimSpace(answer.Choices[0].Message.Content) == "" {
		return "", fmt.Errorf("%s answered with no message", c.endpoint)
	}
	return answer.Choices[0].Message.Content, nil
}
