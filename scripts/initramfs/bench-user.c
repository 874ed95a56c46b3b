// SPDX-License-Identifier: GPL-2.0-only
/*
 * scripts/initramfs/bench-user.c - the /init of the 'make bench' boots.
 *
 * By the time it runs, the in-kernel benchmark (mm_bench.run=1) has printed
 * its figures.  This measures what only a process can do: faulting in pages
 * of a memfd_secret() mapping, each of which the kernel takes out of the
 * linear map (set_direct_map_invalid_noflush() and a one-page TLB flush),
 * and closing the file, which frees them and puts them back
 * (set_direct_map_default_noflush()).
 *
 * Under -icount shift=0 a nanosecond of CLOCK_MONOTONIC is one guest
 * instruction, as for the kernel's own figures.  Every measured stretch is
 * marked for the counting plugin (scripts/bench-plugin.c) by the two
 * instructions the kernel uses, "movz xzr, #0x4d42" and "#0x4d43", which do
 * nothing at EL0 either.  The windows are numbered from 0 here, in the
 * order they close; the last line says how many there were, so that the
 * harness can find them at the end of the plugin's log (uwin=FIRST-LAST).
 *
 * Each figure is the median of REPS runs, and goes to /dev/kmsg as an
 * mm_bench line, like the kernel's:
 *
 *   mm_bench: user kind=secretmem_fault n=16 insns=I per_page=P uwin=A-B
 *   mm_bench: user kind=secretmem_free n=16 insns=I per_page=P uwin=A-B
 *   mm_bench: userdone windows=W
 *
 * A kernel without memfd_secret() (rodata=on: the linear map cannot be
 * changed) gives ret=-errno instead of the counts.  Then the machine is
 * powered off.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef __NR_memfd_secret
#define __NR_memfd_secret 447
#endif

#define REPS	5
#define NPAGES	16

static int kmsg = -1;
static unsigned int windows;

static void say(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	n = snprintf(buf, sizeof(buf), "mm_bench: ");
	va_start(ap, fmt);
	n += vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);
	if (kmsg >= 0 && n > 0)
		write(kmsg, buf, strlen(buf));
}

static unsigned long long now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static inline unsigned long long window_open(void)
{
	unsigned long long t0 = now();

	asm volatile(".inst 0xd289a85f" ::: "memory");	/* movz xzr, #0x4d42 */
	return t0;
}

static inline unsigned long long window_close(unsigned long long t0)
{
	asm volatile(".inst 0xd289a87f" ::: "memory");	/* movz xzr, #0x4d43 */
	windows++;
	return now() - t0;
}

static int cmp(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a;
	unsigned long long y = *(const unsigned long long *)b;

	return x < y ? -1 : x > y;
}

static unsigned long long median(unsigned long long *v)
{
	qsort(v, REPS, sizeof(*v), cmp);
	return v[REPS / 2];
}

/*
 * REPS files of NPAGES pages each, all mapped first, so that the fault
 * windows are consecutive, and the close windows after them.
 */
static void secretmem(void)
{
	unsigned long long fault[REPS], release[REPS];
	long pg = sysconf(_SC_PAGESIZE);
	size_t len = NPAGES * pg;
	unsigned int w0, w1;
	char *map[REPS];
	int fd[REPS], r, i;

	for (r = 0; r < REPS; r++) {
		fd[r] = syscall(__NR_memfd_secret, 0);
		if (fd[r] < 0 || ftruncate(fd[r], len)) {
			say("user kind=secretmem_fault n=%d ret=%d\n", NPAGES, -errno);
			return;
		}
		map[r] = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd[r], 0);
		if (map[r] == MAP_FAILED) {
			say("user kind=secretmem_fault n=%d ret=%d\n", NPAGES, -errno);
			return;
		}
	}
	w0 = windows;
	for (r = 0; r < REPS; r++) {
		unsigned long long t0 = window_open();

		for (i = 0; i < NPAGES; i++)
			((volatile char *)map[r])[i * pg] = 1;
		fault[r] = window_close(t0);
	}
	w1 = windows;
	for (r = 0; r < REPS; r++) {
		unsigned long long t0;

		munmap(map[r], len);
		t0 = window_open();
		close(fd[r]);
		release[r] = window_close(t0);
	}
	say("user kind=secretmem_fault n=%d insns=%llu per_page=%llu uwin=%u-%u\n",
	    NPAGES, median(fault), median(fault) / NPAGES, w0, w1 - 1);
	say("user kind=secretmem_free n=%d insns=%llu per_page=%llu uwin=%u-%u\n",
	    NPAGES, median(release), median(release) / NPAGES, w1, windows - 1);
}

int main(void)
{
	kmsg = open("/dev/kmsg", O_WRONLY);
	secretmem();
	say("userdone windows=%u\n", windows);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
