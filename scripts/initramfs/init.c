// SPDX-License-Identifier: GPL-2.0-only
/*
 * scripts/initramfs/init.c - the /init of the module boots.
 *
 * Built statically for arm64 by scripts/kunit and packed into an initramfs
 * with the KUnit suites as modules.  It runs once the kernel has booted,
 * after mark_readonly(), which is what a user who loads the suites on real
 * hardware gets: it loads every module named in /modules, one per line, in
 * that order (each module runs its suite from its init, and the results go
 * to the console as KTAP), says on /dev/kmsg what it did, and powers the
 * machine off.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

static int kmsg = -1;

static void say(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	n = snprintf(buf, sizeof(buf), "kunit-init: ");
	va_start(ap, fmt);
	n += vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);
	if (kmsg >= 0 && n > 0)
		write(kmsg, buf, strlen(buf));
}

static int load(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int ret;

	if (fd < 0) {
		say("cannot open %s: %s\n", path, strerror(errno));
		return -1;
	}
	ret = syscall(SYS_finit_module, fd, "", 0);
	if (ret)
		say("loading %s failed: %s\n", path, strerror(errno));
	else
		say("loaded %s\n", path);
	close(fd);
	return ret;
}

int main(void)
{
	char line[256];
	FILE *list;

	kmsg = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);
	list = fopen("/modules", "r");
	if (!list) {
		say("no /modules: %s\n", strerror(errno));
	} else {
		while (fgets(line, sizeof(line), list)) {
			line[strcspn(line, "\n")] = '\0';
			if (line[0] && line[0] != '#')
				load(line);
		}
		fclose(list);
	}
	say("done, powering off\n");
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
