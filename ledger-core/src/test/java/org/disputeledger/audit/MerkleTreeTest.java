package org.disputeledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    /** The inputs of the reference tree that Certificate Transparency implementations test against. */
    private static final String[] REFERENCE_LEAVES = {"", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
    private static final String[] REFERENCE_ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    /** A tree kept whole in memory: the stored nodes a ledger would hold, to build proofs from. */
    static final class Tree {
        final CompactRange range = new CompactRange();
        final Map<TreeNode, byte[]> nodes = new HashMap<>();
        final List<byte[]> roots = new ArrayList<>(List.of(MerkleHash.empty()));

        void append(byte[] leafHash) {
            range.append(leafHash, nodes::put);
            roots.add(range.root());
        }

        byte[] hash(LeafRange range) {
            return Subtrees.fold(Subtrees.decompose(range.start(), range.end()).stream().map(nodes::get).toList());
        }

        List<byte[]> hashes(List<LeafRange> ranges) {
            return ranges.stream().map(this::hash).toList();
        }
    }

    private static Tree reference() {
        Tree tree = new Tree();
        for (String leaf : REFERENCE_LEAVES) {
            tree.append(MerkleHash.leaf(MerkleHash.fromHex(leaf)));
        }
        return tree;
    }

    private static Tree random(int size, long seed) {
        Random random = new Random(seed);
        Tree tree = new Tree();
        for (int i = 0; i < size; i++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            tree.append(MerkleHash.leaf(data));
        }
        return tree;
    }

    @Nested
    class Roots {

        @Test
        void matchTheReferenceTreeAtEverySize() {
            Tree tree = reference();
            for (int size = 0; size <= 8; size++) {
                assertThat(MerkleHash.hex(tree.roots.get(size))).as("size %d", size).isEqualTo(REFERENCE_ROOTS[size]);
            }
        }

        @Test
        void areTheFoldOfTheStoredNodesOfEveryPrefix() {
            Tree tree = random(300, 1);
            for (int size = 0; size <= 300; size++) {
                assertThat(tree.hash(new LeafRange(0, size))).as("size %d", size).isEqualTo(tree.roots.get(size));
            }
        }

        @Test
        void continueFromARangeRebuiltFromStoredNodes() {
            Tree tree = random(200, 2);
            for (int size : new int[] {0, 1, 2, 3, 7, 64, 100, 127, 199}) {
                CompactRange rebuilt = CompactRange.of(size, nodes -> nodes.stream().map(tree.nodes::get).toList());
                CompactRange fresh = new CompactRange();
                List<byte[]> leaves = new ArrayList<>();
                for (long i = 0; i < 200; i++) {
                    leaves.add(tree.nodes.get(new TreeNode(0, i)));
                }
                for (int i = size; i < 200; i++) {
                    rebuilt.append(leaves.get(i));
                }
                leaves.forEach(fresh::append);
                assertThat(rebuilt.root()).as("from size %d", size).isEqualTo(fresh.root());
            }
        }
    }

    @Nested
    class InclusionProofs {

        @Test
        void matchTheReferenceProofs() {
            Tree tree = reference();
            assertThat(tree.hashes(MerkleProofs.inclusion(0, 8)).stream().map(MerkleHash::hex)).containsExactly(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
            assertThat(tree.hashes(MerkleProofs.inclusion(5, 8)).stream().map(MerkleHash::hex)).containsExactly(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        }

        @Test
        void verifyForEveryLeafOfEverySizeAndFailForAnyOtherLeafOrAnEarlierRoot() {
            Tree tree = random(70, 3);
            for (int size = 1; size <= 70; size++) {
                for (int index = 0; index < size; index++) {
                    List<byte[]> proof = tree.hashes(MerkleProofs.inclusion(index, size));
                    byte[] leaf = tree.nodes.get(new TreeNode(0, index));
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, tree.roots.get(size)))
                            .as("leaf %d of %d", index, size).isTrue();
                    byte[] other = tree.nodes.get(new TreeNode(0, (index + 1) % size));
                    if (size > 1) {
                        assertThat(MerkleProofs.verifyInclusion(index, size, other, proof, tree.roots.get(size)))
                                .isFalse();
                    }
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, tree.roots.get(size - 1)))
                            .isFalse();
                }
            }
        }

        @Test
        void failWithAnyHashOfTheProofChanged() {
            Tree tree = random(40, 4);
            List<byte[]> proof = new ArrayList<>(tree.hashes(MerkleProofs.inclusion(13, 40)));
            byte[] leaf = tree.nodes.get(new TreeNode(0, 13));
            for (int i = 0; i < proof.size(); i++) {
                List<byte[]> altered = new ArrayList<>(proof);
                byte[] hash = altered.get(i).clone();
                hash[i % 32] ^= 1;
                altered.set(i, hash);
                assertThat(MerkleProofs.verifyInclusion(13, 40, leaf, altered, tree.roots.get(40))).isFalse();
            }
            assertThat(MerkleProofs.verifyInclusion(13, 40, leaf, proof.subList(1, proof.size()),
                    tree.roots.get(40))).isFalse();
        }
    }

    @Nested
    class ConsistencyProofs {

        @Test
        void matchTheReferenceProofs() {
            Tree tree = reference();
            assertThat(tree.hashes(MerkleProofs.consistency(6, 8)).stream().map(MerkleHash::hex)).containsExactly(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
            assertThat(tree.hashes(MerkleProofs.consistency(2, 5)).stream().map(MerkleHash::hex)).containsExactly(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        }

        @Test
        void verifyBetweenEveryPairOfSizesAndFailAgainstAnotherHistory() {
            Tree tree = random(50, 5);
            Tree other = random(50, 6);
            for (int from = 0; from <= 50; from++) {
                for (int to = from; to <= 50; to++) {
                    List<byte[]> proof = tree.hashes(MerkleProofs.consistency(from, to));
                    assertThat(MerkleProofs.verifyConsistency(from, to, tree.roots.get(from), tree.roots.get(to),
                            proof)).as("%d to %d", from, to).isTrue();
                    if (from > 0) {
                        assertThat(MerkleProofs.verifyConsistency(from, to, other.roots.get(from),
                                tree.roots.get(to), proof)).as("forked %d to %d", from, to).isFalse();
                    }
                    if (from > 0 && to > from) {
                        assertThat(MerkleProofs.verifyConsistency(from, to, tree.roots.get(from),
                                other.roots.get(to), proof)).isFalse();
                    }
                }
            }
        }
    }
}
