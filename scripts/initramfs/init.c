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
 * machine off.  Like modprobe, it gives each module the parameters that
 * the kernel command line names for it (split_kunit.stress_percent=25),
 * so that a boot passes the same arguments whether its suites are built
 * in or loaded.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
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

static char cmdline[4096];

/*
 * The words of the command line that begin with "<module>.", without that
 * prefix, into params; the module's name is its file name less ".ko".
 */
static void params_for(const char *path, char *params, size_t size)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t len = strcspn(base, ".");
	const char *w = cmdline;
	size_t used = 0;

	params[0] = '\0';
	while (*w) {
		size_t n = strcspn(w, " \n");

		if (n > len + 1 && !strncmp(w, base, len) && w[len] == '.' &&
		    used + n - len + 1 < size) {
			used += snprintf(params + used, size - used, "%s%.*s",
					 used ? " " : "", (int)(n - len - 1), w + len + 1);
		}
		w += n;
		w += strspn(w, " \n");
	}
}

static int load(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	char params[512];
	int ret;

	if (fd < 0) {
		say("cannot open %s: %s\n", path, strerror(errno));
		return -1;
	}
	params_for(path, params, sizeof(params));
	ret = syscall(SYS_finit_module, fd, params, 0);
	if (ret)
		say("loading %s failed: %s\n", path, strerror(errno));
	else
		say("loaded %s%s%s\n", path, params[0] ? " " : "", params);
	close(fd);
	return ret;
}

static void read_cmdline(void)
{
	int fd;
	ssize_t n;

	if (mount("proc", "/proc", "proc", 0, NULL) && errno != EBUSY) {
		say("cannot mount /proc: %s\n", strerror(errno));
		return;
	}
	fd = open("/proc/cmdline", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, cmdline, sizeof(cmdline) - 1);
	cmdline[n > 0 ? n : 0] = '\0';
	close(fd);
}

int main(void)
{
	char line[256];
	FILE *list;

	kmsg = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);
	read_cmdline();
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
