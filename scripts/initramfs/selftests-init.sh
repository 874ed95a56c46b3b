#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
#
# scripts/initramfs/selftests-init.sh - the /init of the userspace stage.
#
# Packed by scripts/selftests with a static busybox and bash, the mm
# selftests built from the tree (under /mm) and test_vmalloc.ko.  The kernel
# passes what follows '--' on its command line as arguments: a per-category
# timeout in seconds, then the run_vmtests.sh categories to run, each as
# NAME or NAME:SECONDS for a timeout of its own.  Each
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

# uffd-move is not a category of run_vmtests.sh: it is the UFFDIO_MOVE
# tests of uffd-unit-tests (move, move-pmd, move-pmd-split on every memory
# type), which go through move_pages_pte(), without the minutes of stress
# of the whole userfaultfd category.  Reported as run_vmtests.sh would.
uffd_move='./uffd-unit-tests -f move > /tmp/uffd-move.out 2>&1; rc=$?
sed "s/^/# /" /tmp/uffd-move.out
# It exits 0 when it skips tests too (UFFD_FEATURE_MOVE missing, say):
# a skipped test, or none passed, is a skip, which vanilla does not do.
if [ $rc -eq 0 ]; then
	grep -q "pass=[1-9][0-9]*, skip=0," /tmp/uffd-move.out || rc=4
fi
name="uffd-unit-tests -f move"
case $rc in
0) echo "ok 1 $name" ;;
4) echo "ok 1 $name # SKIP" ;;
*) echo "not ok 1 $name # exit=$rc" ;;
esac
exit $rc'

# vmalloc-quick is test_vmalloc's smoke run (what run_vmtests.sh's vmalloc
# category loads) at a thousandth of its length, one thread per CPU: every
# test of the module but full_fit_alloc_test and long_busy_list_alloc_test
# (minutes each under TCG, as their setup fills the vmalloc space) once, 100
# loops instead of 10,000 ten times.  Each test prints a Summary line,
# which scripts/selftests reads.  load-module, not busybox's insmod or
# modprobe: those load the module a second time when the first load fails,
# and test_vmalloc fails its load on purpose, once its tests have run.
vmalloc_quick='load-module /lib/modules/$(uname -r)/test_vmalloc.ko nr_threads=$(nproc) \
	test_loop_count=100 test_repeat_count=1 run_test_mask=0x7f9
echo "selftests-init: test_vmalloc load returned $?" > /dev/kmsg
exit 0'

cd /mm
for arg in "$@"; do
	cat=${arg%%:*}
	tmo=$timeout_s
	[ "$cat" != "$arg" ] && tmo=${arg#*:}
	echo "selftests-init: category $cat begin timeout=$tmo"
	start=$(date +%s)
	case $cat in
	uffd-move) timeout -s KILL "$tmo" sh -c "$uffd_move" ;;
	vmalloc-quick) timeout -s KILL "$tmo" sh -c "$vmalloc_quick" ;;
	*) timeout -s KILL "$tmo" ./run_vmtests.sh -t "$cat" ;;
	esac
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
