package db

import (
	"errors"
	"fmt"
)

// Error codes. They describe what went wrong from the caller's point of view;
// the GraphQL layer maps each to an `extensions.code` in one place.
const (
	ErrInvalid  = "invalid"   // the caller sent something that can never succeed as sent
	ErrNotFound = "not_found" // the named entity does not exist
	ErrConflict = "conflict"  // the entity exists but its state forbids the change
	ErrInternal = "internal"  // anything else; its details are logged, never shown
)

// Error is an application error whose Message is safe to show to a user.
// Any error that is not an *Error is internal: callers log it and show a
// generic message instead.
type Error struct {
	Code    string
	Message string
	// Field names the offending argument for ErrInvalid, when there is one.
	Field string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted, user-safe message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalidf returns an ErrInvalid error about one field.
func Invalidf(field, format string, args ...any) *Error {
	return &Error{Code: ErrInvalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err: the code of the first *Error in its chain,
// or ErrInternal.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ErrInternal
}

// ErrorMessage returns the user-safe message of err, or a generic one for
// internal errors, whose details must not leave the process.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
