#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
#
# scripts/initramfs/selftests-init.sh - the /init of the userspace stage.
#
# Packed by scripts/selftests with a static busybox and bash, the mm
# selftests built from the tree (under /mm) and test_vmalloc.ko.  The kernel
# passes what follows '--' on its command line as arguments: a per-category
# timeout in seconds, then the run_vmtests.sh categories to run.  Each
# category is one run of run_vmtests.sh, framed by marker lines that
# scripts/selftests parses; a category that outlives its timeout is killed,
# and its marker says so.  Then the machine powers off.

/bin/busybox mkdir -p /proc /sys /dev /tmp /run /root /usr/bin /usr/sbin /sbin
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root TERM=dumb

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
mount -t debugfs debugfs /sys/kernel/debug
mkdir -p /dev/hugepages /mnt/huge
mount -t hugetlbfs hugetlbfs /dev/hugepages
exec </dev/console >/dev/console 2>&1

# test_vmalloc.sh asks modinfo and modprobe, which read modules.dep.
depmod 2>/dev/null

timeout_s=${1:-600}
shift
echo "selftests-init: kernel $(uname -r), $(nproc) CPUs, nodes: $(ls -d /sys/devices/system/node/node* 2>/dev/null | wc -l)"
grep -E '^(MemTotal|DirectMap|Hugepagesize)' /proc/meminfo | sed 's/^/selftests-init: /'

cd /mm
for cat in "$@"; do
	echo "selftests-init: category $cat begin"
	start=$(date +%s)
	timeout -s KILL "$timeout_s" ./run_vmtests.sh -t "$cat"
	rc=$?
	# A killed run leaves its test running: kill everything but this.
	[ $rc -eq 137 ] && kill -KILL -1 2>/dev/null && sleep 1
	echo "selftests-init: category $cat end rc=$rc seconds=$(( $(date +%s) - start ))"
	# A killed run leaves its huge pages reserved: free them.
	echo 0 > /proc/sys/vm/nr_hugepages
done
echo "selftests-init: done"
sync
poweroff -f
