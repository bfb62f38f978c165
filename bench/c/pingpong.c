/*
 * The physical limit for the preimage round trip: two processes, two pipes, and the same system calls the
 * preimage ABI needs, with nothing else in the way.
 *
 *   client (parent): write(32-byte key); read(8-byte length); read(length bytes, looping)
 *   server (child):  read(32-byte key);  write(8-byte length + data) in one write
 *
 * That is the syscall pattern of fpp4j's OracleReader and OracleServer, of op-preimage and of kona-preimage.
 * Every round trip is timed on its own with CLOCK_MONOTONIC (as JMH's sample mode times an invocation), and
 * each run prints the median and mean of its samples.
 *
 * usage: pingpong <payload bytes> <iterations> <warm-up iterations> <runs> [exact|greedy]
 * (exact, the default: the client reads the length, then the data; greedy: one read for both, see below)
 * output: one "run" line per run, then a "result" line with the median of the run medians and the
 * mean of the run means, in microseconds.
 *
 * Half pairs, to tell which side of a Java-to-Java round trip costs what:
 *   pingpong host <payload bytes>
 *     serves every 32-byte key read from descriptor 5 with one frame on descriptor 6, until end of stream:
 *     the C side of a Java client (a host run by an FPVM sees the same descriptors);
 *   pingpong client <payload bytes> <iterations> <warm-up iterations> <runs> <key hex> <host command...>
 *     starts the host command with pipes on its descriptors 3 to 6 (hints 3/4, preimages 5/6) and times
 *     greedy round trips for the key: the C side of a Java host.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what) {
  perror(what);
  exit(2);
}

static int read_full(int fd, unsigned char *buf, size_t len) {
  size_t done = 0;
  while (done < len) {
    ssize_t n = read(fd, buf + done, len - done);
    if (n == 0) return done == 0 ? 0 : -1; /* clean end only at a frame boundary */
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    done += (size_t)n;
  }
  return 1;
}

static void write_full(int fd, const unsigned char *buf, size_t len) {
  size_t done = 0;
  while (done < len) {
    ssize_t n = write(fd, buf + done, len - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      die("write");
    }
    done += (size_t)n;
  }
}

static void serve(int in, int out, size_t payload) {
  unsigned char key[32];
  unsigned char *frame = malloc(8 + payload);
  if (!frame) die("malloc");
  for (int i = 0; i < 8; i++) frame[i] = (unsigned char)((uint64_t)payload >> (56 - 8 * i));
  for (size_t i = 0; i < payload; i++) frame[8 + i] = (unsigned char)(i * 31 + 7);
  for (;;) {
    int r = read_full(in, key, sizeof key);
    if (r == 0) break;
    if (r < 0) die("server read");
    write_full(out, frame, 8 + payload);
  }
  free(frame);
}

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, long n) {
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static uint64_t check_length(const unsigned char *header, size_t payload) {
  uint64_t len = 0;
  for (int i = 0; i < 8; i++) len = (len << 8) | header[i];
  if (len != payload) {
    fprintf(stderr, "server announced %llu bytes, expected %zu\n", (unsigned long long)len, payload);
    exit(2);
  }
  return len;
}

/* exact: read the 8-byte length, then exactly that many bytes (two reads at least), as op-preimage and
 * kona-preimage do. */
static void round_trip_exact(int in, int out, const unsigned char *key, unsigned char *data, size_t payload) {
  unsigned char header[8];
  write_full(out, key, 32);
  if (read_full(in, header, 8) != 1) die("client read length");
  uint64_t len = check_length(header, payload);
  if (len > 0 && read_full(in, data, len) != 1) die("client read data");
}

/* greedy: one read of up to 8 + SMALL_FRAME bytes takes the length and, for a small answer, all of the data:
 * the fewest system calls a client can make. The host writes nothing that was not asked for, so a read never
 * takes bytes past the frame. */
#define SMALL_FRAME 4096
static void round_trip_greedy(int in, int out, const unsigned char *key, unsigned char *data, size_t payload) {
  unsigned char first[8 + SMALL_FRAME];
  write_full(out, key, 32);
  size_t got = 0;
  while (got < 8) {
    ssize_t n = read(in, first + got, sizeof first - got);
    if (n == 0) {
      fprintf(stderr, "client read length: the server closed its end after %zu bytes\n", got);
      exit(2);
    }
    if (n < 0) die("client read length");
    got += (size_t)n;
  }
  uint64_t len = check_length(first, payload);
  size_t have = got - 8;
  if (have > len) {
    fprintf(stderr, "server sent %zu bytes more than announced\n", have - (size_t)len);
    exit(2);
  }
  memcpy(data, first + 8, have);
  if (have < len && read_full(in, data + have, len - have) != 1) die("client read data");
}

static int greedy;

static void round_trip(int in, int out, const unsigned char *key, unsigned char *data, size_t payload) {
  if (greedy) round_trip_greedy(in, out, key, data, payload);
  else round_trip_exact(in, out, key, data, payload);
}

/* Times `runs` runs of `iters` round trips (each after `warmup` untimed ones) and prints them. */
static void measure(int in, int out, const unsigned char *key, size_t payload, long iters, long warmup, long runs) {
  unsigned char *data = malloc(payload ? payload : 1);
  double *samples = malloc(sizeof(double) * (size_t)iters);
  double *medians = malloc(sizeof(double) * (size_t)runs);
  if (!data || !samples || !medians) die("malloc");
  double mean_sum = 0;
  for (long r = 0; r < runs; r++) {
    for (long i = 0; i < warmup; i++) round_trip(in, out, key, data, payload);
    double total = 0;
    for (long i = 0; i < iters; i++) {
      double t0 = now_us();
      round_trip(in, out, key, data, payload);
      samples[i] = now_us() - t0;
      total += samples[i];
    }
    double mean = total / iters;
    medians[r] = median(samples, iters);
    mean_sum += mean;
    printf("run %ld: mode=%s payload=%zu iterations=%ld median_us=%.3f mean_us=%.3f p90_us=%.3f\n", r + 1, greedy ? "greedy" : "exact", payload, iters,
           medians[r], mean, samples[(long)(iters * 0.9)]);
  }
  printf("result: mode=%s payload=%zu median_us=%.3f mean_us=%.3f\n", greedy ? "greedy" : "exact", payload, median(medians, runs), mean_sum / runs);
  free(data);
  free(samples);
  free(medians);
}

static int wait_clean(pid_t pid, const char *who) {
  int status;
  if (waitpid(pid, &status, 0) < 0) die("waitpid");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fprintf(stderr, "%s did not exit cleanly (wait status %d)\n", who, status);
    return 2;
  }
  return 0;
}

static int parse_counts(char **argv, size_t *payload, long *iters, long *warmup, long *runs) {
  *payload = strtoul(argv[0], NULL, 10);
  *iters = strtol(argv[1], NULL, 10);
  *warmup = strtol(argv[2], NULL, 10);
  *runs = strtol(argv[3], NULL, 10);
  if (*iters < 1 || *warmup < 0 || *runs < 1) {
    fprintf(stderr, "iterations and runs must be >= 1, warm-up >= 0\n");
    return 0;
  }
  return 1;
}

static int parse_key(const char *given, unsigned char *key) {
  const char *hex = given;
  if (hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) hex += 2;
  if (strlen(hex) != 64) {
    fprintf(stderr, "a key is 64 hex digits, got '%s'\n", given);
    return 0;
  }
  for (int i = 0; i < 32; i++) {
    if (sscanf(hex + 2 * i, "%2hhx", &key[i]) != 1) {
      fprintf(stderr, "not hex at digit %d of the key\n", 2 * i);
      return 0;
    }
  }
  return 1;
}

/* The client half: a host command on descriptors 3 to 6, greedy round trips on 5/6. */
static int client_main(int argc, char **argv) {
  if (argc < 6) {
    fprintf(stderr, "usage: pingpong client <payload bytes> <iterations> <warm-up iterations> <runs> <key hex> <host command...>\n");
    return 2;
  }
  size_t payload;
  long iters, warmup, runs;
  unsigned char key[32];
  if (!parse_counts(argv + 0, &payload, &iters, &warmup, &runs) || !parse_key(argv[4], key)) return 2;
  int hint_in[2], hint_out[2], pre_in[2], pre_out[2]; /* *_in: host reads; *_out: host writes */
  if (pipe(hint_in) || pipe(hint_out) || pipe(pre_in) || pipe(pre_out)) die("pipe");
  pid_t pid = fork();
  if (pid < 0) die("fork");
  if (pid == 0) {
    /* dup above 6 first, so that no dup2 below overwrites a pipe end still to be moved */
    int ends[4] = {fcntl(hint_in[0], F_DUPFD, 10), fcntl(hint_out[1], F_DUPFD, 10), fcntl(pre_in[0], F_DUPFD, 10),
                   fcntl(pre_out[1], F_DUPFD, 10)};
    for (int i = 0; i < 4; i++) {
      if (ends[i] < 0 || dup2(ends[i], 3 + i) < 0) die("dup2");
    }
    for (int fd = 7; fd < 1024; fd++) close(fd);
    execvp(argv[5], argv + 5);
    perror(argv[5]);
    _exit(127);
  }
  close(hint_in[0]);
  close(hint_out[1]);
  close(pre_in[0]);
  close(pre_out[1]);
  signal(SIGPIPE, SIG_IGN); /* a host that is gone fails the write with EPIPE, reported, instead of killing us */
  greedy = 1;
  measure(pre_out[0], pre_in[1], key, payload, iters, warmup, runs);
  close(pre_in[1]); /* end of stream between requests: the host's preimage loop ends */
  close(hint_in[1]);
  return wait_clean(pid, "host command");
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "host") == 0) {
    if (argc != 3) {
      fprintf(stderr, "usage: pingpong host <payload bytes>\n");
      return 2;
    }
    serve(5, 6, strtoul(argv[2], NULL, 10));
    return 0;
  }
  if (argc >= 2 && strcmp(argv[1], "client") == 0) return client_main(argc - 2, argv + 2);
  if (argc != 5 && argc != 6) {
    fprintf(stderr, "usage: %s <payload bytes> <iterations> <warm-up iterations> <runs> [exact|greedy]\n"
                    "       %s host <payload bytes>\n"
                    "       %s client <payload bytes> <iterations> <warm-up iterations> <runs> <key hex> <host command...>\n",
            argv[0], argv[0], argv[0]);
    return 2;
  }
  if (argc == 6) {
    if (strcmp(argv[5], "greedy") == 0) greedy = 1;
    else if (strcmp(argv[5], "exact") != 0) {
      fprintf(stderr, "unknown read mode '%s' (exact, greedy)\n", argv[5]);
      return 2;
    }
  }
  size_t payload;
  long iters, warmup, runs;
  if (!parse_counts(argv + 1, &payload, &iters, &warmup, &runs)) return 2;

  int to_server[2], to_client[2];
  if (pipe(to_server) || pipe(to_client)) die("pipe");
  pid_t pid = fork();
  if (pid < 0) die("fork");
  if (pid == 0) {
    close(to_server[1]);
    close(to_client[0]);
    serve(to_server[0], to_client[1], payload);
    _exit(0);
  }
  close(to_server[0]);
  close(to_client[1]);

  unsigned char key[32];
  for (int i = 0; i < 32; i++) key[i] = (unsigned char)i;
  key[0] = 2; /* a keccak256-type key, as the Java benchmarks use */
  measure(to_client[0], to_server[1], key, payload, iters, warmup, runs);
  close(to_server[1]); /* the server sees end of stream at a frame boundary and exits */
  return wait_clean(pid, "server");
}
