package postgres_test

import (
	"testing"

	"github.com/cilegon/monev/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }
