// SPDX-License-Identifier: GPL-2.0-only
/*
 * scripts/initramfs/load-module.c - load one module, once.
 *
 * Usage: load-module FILE.ko [PARAM=VALUE ...]
 *
 * For the userspace stage: busybox's insmod and modprobe try init_module()
 * again when finit_module() fails, and test_vmalloc fails its load on
 * purpose once its tests have run, so with busybox every test ran twice.
 * This calls finit_module() once and exits with its errno (0 on success).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char params[1024] = "";
	size_t used = 0;
	int fd, i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE.ko [PARAM=VALUE ...]\n", argv[0]);
		return 2;
	}
	for (i = 2; i < argc; i++) {
		int n = snprintf(params + used, sizeof(params) - used, "%s%s",
				 used ? " " : "", argv[i]);

		if (n < 0 || (size_t)n >= sizeof(params) - used) {
			fprintf(stderr, "%s: parameters too long\n", argv[0]);
			return 2;
		}
		used += n;
	}
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "%s: %s: %s\n", argv[0], argv[1], strerror(errno));
		return 2;
	}
	if (syscall(SYS_finit_module, fd, params, 0)) {
		int err = errno;

		printf("%s: %s: %s\n", argv[0], argv[1], strerror(err));
		return err;
	}
	return 0;
}
