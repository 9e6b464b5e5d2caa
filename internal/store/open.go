package store

import (
	"path/filepath"
	"sync"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// Open opens the cloud at location, creating it if it does not exist, and
// brings its schema up to date. The caller closes it.
func Open(location string) (cloud.Store, error) {
	if isPostgres(location) {
		return openPostgres(location)
	}
	return openSQLite(location)
}

var (
	sharedMu     sync.Mutex
	sharedStores = map[string]cloud.Store{}
)

// Shared returns a store for location that lives as long as the process, so
// that a process configured many times (as under terraform-plugin-testing)
// opens and migrates each database once.
func Shared(location string) (cloud.Store, error) {
	key := location
	if !isPostgres(location) {
		if abs, err := filepath.Abs(location); err == nil {
			key = abs
		}
	}
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if s, ok := sharedStores[key]; ok {
		return s, nil
	}
	s, err := Open(key)
	if err != nil {
		return nil, err
	}
	sharedStores[key] = s
	return s, nil
}
