// SPDX-License-Identifier: GPL-2.0-only
/*
 * A QEMU TCG plugin for 'scripts/bench-profile': where the instructions of
 * one window of the in-kernel benchmark go.  It counts every executed
 * instruction by its address, and at the close of window "win=N" (numbered
 * as scripts/bench-plugin.c numbers them) prints, for each address that ran
 * inside the window, one line to QEMU's log:
 *
 *   mm_bench_profile pc=ADDRESS n=COUNT
 *
 * Counting every instruction slows the guest several times over; use it to
 * find where a figure's cost lies, not to measure it.
 *
 * Build: gcc -shared -fPIC -O2 -o bench-profile.so bench-profile.c
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qemu-plugin-v1.h"

#define MARK_START	0xd289a85fu	/* movz xzr, #0x4d42 */
#define MARK_END	0xd289a87fu	/* movz xzr, #0x4d43 */
#define SLOTS		(1u << 22)	/* distinct addresses; a boot uses far fewer */

static struct slot {
	uint64_t pc, n, at_start;
} *slots;
static uint64_t windows, target;

static struct slot *slot_of(uint64_t pc)
{
	uint64_t i = (pc >> 2) * 0x9e3779b97f4a7c15ull >> 42;

	for (;; i = (i + 1) & (SLOTS - 1)) {
		if (slots[i].pc == pc)
			return &slots[i];
		if (!slots[i].pc) {
			slots[i].pc = pc;
			return &slots[i];
		}
	}
}

static void mark_start(unsigned int vcpu, void *udata)
{
	uint64_t i;

	if (windows != target)
		return;
	for (i = 0; i < SLOTS; i++)
		slots[i].at_start = slots[i].n;
}

static void mark_end(unsigned int vcpu, void *udata)
{
	char line[96];
	uint64_t i;

	if (windows++ != target)
		return;
	for (i = 0; i < SLOTS; i++) {
		if (!slots[i].pc || slots[i].n == slots[i].at_start)
			continue;
		snprintf(line, sizeof(line), "mm_bench_profile pc=%" PRIx64 " n=%" PRIu64 "\n",
			 slots[i].pc, slots[i].n - slots[i].at_start);
		qemu_plugin_outs(line);
	}
	qemu_plugin_outs("mm_bench_profile done\n");
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t i, n = qemu_plugin_tb_n_insns(tb);

	for (i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		uint32_t op = 0;

		if (qemu_plugin_insn_size(insn) == sizeof(op))
			memcpy(&op, qemu_plugin_insn_data(insn), sizeof(op));
		if (op == MARK_START || op == MARK_END)
			qemu_plugin_register_vcpu_insn_exec_cb(insn, op == MARK_START ?
							       mark_start : mark_end,
							       QEMU_PLUGIN_CB_NO_REGS, NULL);
		qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64,
							   &slot_of(qemu_plugin_insn_vaddr(insn))->n,
							   1);
	}
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
	int i;

	for (i = 0; i < argc; i++)
		if (!strncmp(argv[i], "win=", 4))
			target = strtoull(argv[i] + 4, NULL, 0);
	slots = calloc(SLOTS, sizeof(*slots));
	if (!slots)
		return 1;
	qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
	return 0;
}
