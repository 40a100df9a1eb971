// s3-test-server: a throw-away S3-compatible server for the tests (gofakes3 with its in-memory backend).
//
// Built by infra/scripts/lib/s3-test-server.mjs into .tools/bin/s3-test-server and started by `npm test` on a free
// port (S3_TEST_ENDPOINT). Path-style requests only (http://127.0.0.1:<port>/<bucket>/<key>); any access key is
// accepted (requests are not authenticated, only their clock is checked); buckets exist only when created
// (CreateBucket or -bucket), so a request to an unknown bucket fails with NoSuchBucket like real S3. Everything is
// in memory and gone when the process stops.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// sourceHash is set at build time (-ldflags "-X main.sourceHash=..."): a digest of this folder's main.go, go.mod and
// go.sum. infra/scripts/lib/s3-test-server.mjs reads it from -version and rebuilds the binary when the source changed.
var sourceHash = "unknown"

type bucketList []string

func (b *bucketList) String() string { return strings.Join(*b, ",") }
func (b *bucketList) Set(v string) error {
	*b = append(*b, v)
	return nil
}

func main() {
	addr := flag.String("addr", "127.0.0.1:9000", "host:port to listen on (port 0: any free port; the address is printed)")
	quiet := flag.Bool("quiet", false, "do not log every request")
	showVersion := flag.Bool("version", false, "print the version and exit")
	var buckets bucketList
	flag.Var(&buckets, "bucket", "create this bucket at start (may be repeated)")
	flag.Parse()
	if *showVersion {
		fmt.Printf("zorgroute s3-test-server (gofakes3 v1.2.0, memory backend) source %s\n", sourceHash)
		return
	}

	backend := s3mem.New()
	for _, name := range buckets {
		if err := backend.CreateBucket(name); err != nil {
			log.Fatalf("s3-test-server: cannot create bucket %q: %v", name, err)
		}
	}
	opts := []gofakes3.Option{}
	if !*quiet {
		opts = append(opts, gofakes3.WithGlobalLog())
	}
	faker := gofakes3.New(backend, opts...)

	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("s3-test-server: cannot listen on %s: %v", *addr, err)
	}
	server := &http.Server{Handler: faker.Server(), ReadHeaderTimeout: 10 * time.Second}
	// The one line the scripts (and a person) read: where it serves.
	fmt.Printf("s3-test-server: listening on http://%s\n", listener.Addr().String())

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		<-stop
		_ = server.Close()
	}()
	if err := server.Serve(listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatalf("s3-test-server: %v", err)
	}
}
