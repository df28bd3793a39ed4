package sqlite

import "context"

// Checkpoint copies the write-ahead log into the database file, so tests can
// damage the file and know reads come from it.
func (s *Store) Checkpoint(ctx context.Context) error {
	_, err := s.writer.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}
