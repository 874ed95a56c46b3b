// SPDX-License-Identifier: GPL-2.0-only
/*
 * A QEMU TCG plugin for 'make bench': counts the DSB, ISB, TLBI and atomic
 * instructions that the guest executes inside the windows the in-kernel
 * benchmark marks, which -icount counts as one instruction each but which
 * dominate on hardware.
 *
 * The benchmark (arch/arm64/mm/mm_bench.c) marks a window's start and end
 * with "movz xzr, #0x4d42" and "movz xzr, #0x4d43": writes to the zero
 * register, which do nothing and which the kernel never emits otherwise.
 * Windows are numbered from 0 in the order they close, on both sides, and
 * each closed window prints one line to QEMU's log (-d plugin -D FILE):
 *
 *   mm_bench_plugin win=N dsb=A isb=B tlbi=C atomic=D pairs=E
 *
 * "pairs" counts the barrier pairs of kernel page-table writes: an ISB
 * that directly follows a DSB ISHST, which is the sequence arm64's
 * emit_pte_barriers() issues and nothing else in the measured paths does
 * (a TLB flush ends with DSB ISH, ISB).  They are counted here rather than
 * by the kernel (CONFIG_DEBUG_ARM64_PTE_BARRIERS), whose counter would add
 * instructions to every pair it counts, and so to one side's figures more
 * than to the other's.
 *
 * "atomic" counts the instructions that make an atomic update: LSE
 * atomics (LDADD, LDCLR, LDEOR, LDSET, the min/max forms and SWP, in all
 * their sizes and orderings), CAS and CASP, and store-exclusives (STXR,
 * STLXR, STXP, STLXP).  A load-exclusive is not counted apart: it belongs
 * to the store-exclusive that ends its sequence.
 *
 * Only QEMU 7.2's plugin interface (version 1) is used; its few functions
 * are declared in qemu-plugin-v1.h, as QEMU does not install its header.
 * The counters are plain: the costs are measured at -smp 1.
 *
 * Build: gcc -shared -fPIC -O2 -o bench-plugin.so bench-plugin.c
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "qemu-plugin-v1.h"

enum { DSB, ISB, TLBI, ATOMIC, PAIR, NR_KINDS };

#define MARK_START	0xd289a85fu	/* movz xzr, #0x4d42 */
#define MARK_END	0xd289a87fu	/* movz xzr, #0x4d43 */
#define DSB_ISHST	0xd5033a9fu

static uint64_t count[NR_KINDS];
static uint64_t at_start[NR_KINDS];
static uint64_t windows;

/* Which kind an A64 instruction is, or -1. */
static int classify(uint32_t insn)
{
	/* DSB <option>, but not SSBB and PSSBB (CRm 0 and 4). */
	if ((insn & 0xfffff0ffu) == 0xd503309fu)
		return ((insn >> 8) & 0xb) ? DSB : -1;
	if ((insn & 0xfffff0ffu) == 0xd50330dfu)
		return ISB;
	/* SYS #op1, C8 or C9 (the nXS forms), ...: a TLBI. */
	if ((insn & 0xfff8f000u) == 0xd5088000u || (insn & 0xfff8f000u) == 0xd5089000u)
		return TLBI;
	/* Load/store exclusive class: stores with o2 = 0, and CAS/CASP (o2 = o1 = 1). */
	if ((insn & 0x3f000000u) == 0x08000000u) {
		bool o2 = insn & (1u << 23), l = insn & (1u << 22), o1 = insn & (1u << 21);

		if (!o2 && !l)
			return ATOMIC;		/* STXR, STLXR, STXP, STLXP */
		if (o2 && o1)
			return ATOMIC;		/* CAS, CASP */
		return -1;
	}
	/* Atomic memory operations (size 111 V=0 00 A R 1 Rs o3 opc 00), not LDAPR. */
	if ((insn & 0x3f200c00u) == 0x38200000u && (insn & 0xf000u) != 0xc000u &&
	    !(insn & (1u << 26)))
		return ATOMIC;
	return -1;
}

static void mark_start(unsigned int vcpu, void *udata)
{
	memcpy(at_start, count, sizeof(count));
}

static void mark_end(unsigned int vcpu, void *udata)
{
	char line[160];

	snprintf(line, sizeof(line),
		 "mm_bench_plugin win=%" PRIu64 " dsb=%" PRIu64 " isb=%" PRIu64
		 " tlbi=%" PRIu64 " atomic=%" PRIu64 " pairs=%" PRIu64 "\n", windows++,
		 count[DSB] - at_start[DSB], count[ISB] - at_start[ISB],
		 count[TLBI] - at_start[TLBI], count[ATOMIC] - at_start[ATOMIC],
		 count[PAIR] - at_start[PAIR]);
	qemu_plugin_outs(line);
}

/*
 * An ISB ends its translation block in QEMU, but a DSB does not, so the
 * two instructions of a pair are found in one block, unless the block was
 * cut between them at its size limit.
 */
static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t i, n = qemu_plugin_tb_n_insns(tb);
	uint32_t prev = 0;

	for (i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		uint32_t op;
		int kind;

		if (qemu_plugin_insn_size(insn) != sizeof(op))
			continue;
		memcpy(&op, qemu_plugin_insn_data(insn), sizeof(op));
		if (op == MARK_START || op == MARK_END) {
			qemu_plugin_register_vcpu_insn_exec_cb(insn, op == MARK_START ?
							       mark_start : mark_end,
							       QEMU_PLUGIN_CB_NO_REGS, NULL);
			continue;
		}
		kind = classify(op);
		if (kind >= 0)
			qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64,
								   &count[kind], 1);
		if (kind == ISB && prev == DSB_ISHST)
			qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64,
								   &count[PAIR], 1);
		prev = op;
	}
}

/*
 * Encodings checked against GNU as (aarch64-linux-gnu-as, .arch
 * armv8.4-a+lse), each with the kind it must count as: the plugin refuses
 * to load if its decoder disagrees with one of them.
 */
static const struct {
	uint32_t insn;
	int kind;
} known[] = {
	{ 0xd5033b9f, DSB },	/* dsb ish */
	{ 0xd5033a9f, DSB },	/* dsb ishst */
	{ 0xd503309f, -1 },	/* ssbb */
	{ 0xd503349f, -1 },	/* pssbb */
	{ 0xd5033fdf, ISB },	/* isb */
	{ 0xd5033bbf, -1 },	/* dmb ish */
	{ 0xd50883e0, TLBI },	/* tlbi vaale1is, x0 */
	{ 0xd508831f, TLBI },	/* tlbi vmalle1is */
	{ 0xd50882e0, TLBI },	/* tlbi rvaale1is, x0 */
	{ 0xd508711f, -1 },	/* ic ialluis */
	{ 0xc8017c02, ATOMIC },	/* stxr w1, x2, [x0] */
	{ 0xc8238801, ATOMIC },	/* stlxp w3, x1, x2, [x0] */
	{ 0xc85f7c01, -1 },	/* ldxr x1, [x0] */
	{ 0xc8dffc01, -1 },	/* ldar x1, [x0] */
	{ 0xc89ffc01, -1 },	/* stlr x1, [x0] */
	{ 0xc8e1fc02, ATOMIC },	/* casal x1, x2, [x0] */
	{ 0xf8e10002, ATOMIC },	/* ldaddal x1, x2, [x0] */
	{ 0xb8e18002, ATOMIC },	/* swpal w1, w2, [x0] */
	{ 0xf8bfc001, -1 },	/* ldapr x1, [x0] */
	{ 0xf8626801, -1 },	/* ldr x1, [x0, x2] */
	{ MARK_START, -1 },	/* movz xzr, #0x4d42 */
	{ MARK_END, -1 },	/* movz xzr, #0x4d43 */
};

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (classify(known[i].insn) != known[i].kind) {
			fprintf(stderr, "bench-plugin: 0x%08x decoded as %d, not %d\n",
				known[i].insn, classify(known[i].insn), known[i].kind);
			return 1;
		}
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
	return 0;
}
